/**
 * What a blocked request looks like to the page and to the test: the console message (`onBlocked`), and the
 * error the page's client sees. Words come from report/describe.ts only.
 */
import { InvalidArgumentError } from '../errors.js';
import type { EngineProfile } from '../engines/index.js';
import { consoleMessage, fixSentence } from '../report/describe.js';
import { escapeTerminal } from '../report/terminal.js';
import type { Verdict } from '../types.js';

/**
 * What to do with a blocked request besides failing it: `'error'` (default) prints the browser's console message
 * with `console.error`, `'warn'` with `console.warn`, `'silent'` prints nothing, `'throw'` prints nothing and makes
 * the client's call fail with an error whose message is that console message; a function receives the verdict.
 */
export type OnBlocked = 'error' | 'warn' | 'throw' | 'silent' | ((verdict: Verdict) => void);

const MODES = ['error', 'warn', 'throw', 'silent'];

export function resolveOnBlocked(value: unknown, argument: string, fallback: OnBlocked = 'error'): OnBlocked {
  if (value === undefined) return fallback;
  if (typeof value === 'function' || (typeof value === 'string' && MODES.includes(value))) return value as OnBlocked;
  throw new InvalidArgumentError(
    argument,
    `expected 'error', 'warn', 'throw', 'silent' or a function, received ${typeof value === 'string' ? `'${value}'` : typeof value}`,
    "Pass e.g. onBlocked: 'warn', or (verdict) => blocked.push(verdict).",
  );
}

/**
 * The message of a blocked verdict: the browser's console message; for a request that failed without any CORS
 * reason (a handler threw, nothing answered in time), what happened and that it is not CORS.
 */
export function blockedMessage(verdict: Verdict): string {
  const code = verdict.reason?.code;
  if (code === 'NetworkError' || code === 'Timeout') {
    const fix = fixSentence(verdict);
    const line = consoleMessage(verdict);
    return [line, fix && `(not a CORS failure) ${fix}`].filter(Boolean).join('\n');
  }
  return consoleMessage(verdict) || fixSentence(verdict);
}

/**
 * The message as printed: it quotes what the server sent, so each line has its control characters shown as
 * escapes (`\x1b`), never acted on by the terminal the test runs in.
 */
export function printedMessage(verdict: Verdict): string {
  return blockedMessage(verdict).split('\n').map(escapeTerminal).join('\n');
}

/** Tell the test about a blocked verdict, as `onBlocked` says. */
export function reportBlocked(verdict: Verdict, onBlocked: OnBlocked): void {
  if (typeof onBlocked === 'function') onBlocked(verdict);
  else if (onBlocked === 'error') console.error(printedMessage(verdict));
  else if (onBlocked === 'warn') console.warn(printedMessage(verdict));
}

/** The error of `onBlocked: 'throw'`: the console message as its message; `verdict` says why. */
export class CorsError extends TypeError {
  declare readonly verdict: Verdict;
  constructor(verdict: Verdict) {
    // A test runner prints the message: escaped like the logged one.
    super(printedMessage(verdict));
    this.name = 'CorsError';
    Object.defineProperty(this, 'verdict', { value: verdict, enumerable: false });
  }
}

/**
 * The `TypeError` a blocked `fetch()` rejects with: the engine's own words (`Failed to fetch` in Chromium), no
 * `cause`, as in the browser. `verdict` is there, not enumerable, so error comparisons see a browser's error.
 */
export function fetchNetworkError(verdict: Verdict, engine: EngineProfile, onBlocked: OnBlocked): TypeError {
  if (onBlocked === 'throw') return new CorsError(verdict);
  const error = new TypeError(engine.fetchFailureMessage);
  Object.defineProperty(error, 'verdict', { value: verdict, enumerable: false, configurable: true });
  return error;
}
