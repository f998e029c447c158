/**
 * Escaping for the terminal: every character a terminal acts on becomes a visible escape; everything else,
 * including non-ASCII text and backslashes, stays as it is; JSON stays the same value.
 */
import { describe, expect, it } from 'vitest';
import { escapeForTerminal, escapeJsonForTerminal, escapeTerminal, hasTerminalControls } from '../../src/report/terminal.js';

/** Characters a terminal may act on: C0, DEL, C1, reordering and invisible format characters. */
const ACTING = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

describe('escapeTerminal', () => {
  it('shows escape sequences, C1 controls, CR, BS and bidi overrides as escapes', () => {
    expect(escapeTerminal('O\u001b[2J\u001b]0;pwned\u0007K')).toBe('O\\x1b[2J\\x1b]0;pwned\\x07K');
    expect(escapeTerminal('a\u009b31mb')).toBe('a\\x9b31mb');
    expect(escapeTerminal('ok\rEVIL\b')).toBe('ok\\rEVIL\\x08');
    expect(escapeTerminal('line\nforged: yes\tx')).toBe('line\\nforged: yes\\tx');
    expect(escapeTerminal('abc\u202edcba\u2066')).toBe('abc\\u202edcba\\u2066');
    expect(escapeTerminal('\u007f\u0000')).toBe('\\x7f\\x00');
  });

  it('keeps ordinary text, Latin-1 letters, emoji and backslashes as they are (the same string)', () => {
    for (const text of ['https://app.example', 'Café ÿ ü', 'résumé 😀', 'a\\x1b literal', '']) {
      expect(escapeTerminal(text)).toBe(text);
      expect(hasTerminalControls(text)).toBe(false);
    }
  });

  it('escapes lone surrogates but keeps pairs', () => {
    expect(escapeTerminal('a\ud800b')).toBe('a\\ud800b');
    expect(escapeTerminal('a\udc00b')).toBe('a\\udc00b');
    expect(escapeTerminal('😀')).toBe('😀');
  });

  it('leaves nothing a terminal acts on, for every code unit from 0 to 0xFFFF', () => {
    let all = '';
    for (let code = 0; code <= 0xffff; code++) all += `${String.fromCharCode(code)}.`;
    const escaped = escapeTerminal(all);
    expect(ACTING.test(escaped)).toBe(false);
    expect(/[\ud800-\udfff]/.test(escaped)).toBe(false);
  });
});

describe('escapeForTerminal', () => {
  it('escapes every string of a report, keys included, and keeps other values', () => {
    const body = new Uint8Array([1, 2]);
    const text = () => 'x';
    const report = { url: 'http://a/\u001b', list: [['X-A', 'v\u009b'], 3, null], nested: { 'k\u001b': true }, body, text };
    const safe = escapeForTerminal(report);
    expect(safe).toEqual({ url: 'http://a/\\x1b', list: [['X-A', 'v\\x9b'], 3, null], nested: { 'k\\x1b': true }, body, text });
    expect(safe.body).toBe(body);
    expect(report.url).toBe('http://a/\u001b');
  });

  it('copes with shared and cyclic references', () => {
    const shared = { a: '\u0007' };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic.self = cyclic;
    const safe = escapeForTerminal(cyclic) as Record<string, unknown>;
    expect(safe.self).toBe(safe);
    expect(safe.shared).toBe(safe.again);
    expect((safe.shared as { a: string }).a).toBe('\\x07');
  });
});

describe('escapeJsonForTerminal', () => {
  it('escapes DEL, C1 and bidi characters that JSON.stringify leaves raw; the JSON value is unchanged', () => {
    const value = { a: 'x\u007f\u009b\u202e\u2028y', b: ['\u001b'] };
    const json = escapeJsonForTerminal(JSON.stringify(value));
    expect(ACTING.test(json)).toBe(false);
    expect(JSON.parse(json)).toEqual(value);
  });
});
