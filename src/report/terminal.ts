/**
 * Text for a terminal, from strings a server (or a careless caller) controls: status texts, header values,
 * URLs, error messages. A terminal acts on control characters: ESC starts a sequence that can recolour, move
 * the cursor, rewrite what was printed, set the window title or make a link; 0x9B (C1 CSI) does the same on
 * terminals that read 8-bit controls; CR and BS overwrite a line; bidirectional overrides reorder what the
 * reader sees. Every such character is shown as an escape (`\x1b`, `\r`, `\u202e`) instead, so what reaches
 * the terminal is exactly what was received, made visible, and nothing acts on it.
 *
 * Escaped: C0 controls (U+0000-U+001F, tab and newline included), DEL (U+007F), C1 controls (U+0080-U+009F),
 * the Unicode format characters that reorder or hide text (U+061C, U+200B-U+200F, U+2028-U+202E,
 * U+2060-U+2069, U+FEFF), and lone surrogates. Everything else, backslashes included, is kept as is.
 */

// One character class, so a clean string (the common case) is one regex test.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeChar(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every character a terminal would act on shown as an escape (see above). */
export function escapeTerminal(text: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, escapeChar);
}

/** True when `text` holds a character `escapeTerminal` would escape. */
export function hasTerminalControls(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

/** What `JSON.stringify` leaves unescaped and a terminal may act on: DEL, C1 controls, reordering characters. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * JSON text (from `JSON.stringify`, which already escapes C0 controls and lone surrogates) with the other
 * characters a terminal acts on written as `\uXXXX` escapes: the same JSON value, safe to print.
 */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A copy of `value` (a report: plain objects, arrays, strings, numbers) with every string escaped for a
 * terminal. Renderers of text output take their data through this first, so no string they print, wherever it
 * came from, can carry a control character. Byte arrays, functions and class instances other than plain
 * objects and arrays are kept as they are (renderers do not print them).
 */
export function escapeForTerminal<T>(value: T): T {
  return walk(value, new Map()) as T;
}

function walk(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value === 'string') return escapeTerminal(value);
  if (value === null || typeof value !== 'object') return value;
  const done = seen.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(walk(item, seen));
    return out;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [key, item] of Object.entries(value)) out[escapeTerminal(key)] = walk(item, seen);
  return out;
}
