/**
 * `explain()`: what a browser already said, explained. A console line (Chromium, Firefox or WebKit) becomes its
 * reason code, what the browser checked and the fix; a HAR becomes a replay of each cross-origin request through
 * the emulator against the recorded responses.
 */
import { InvalidArgumentError } from '../errors.js';
import type { Har } from '../transports/har.js';
import { explainHar, type HarExplainOptions, type HarExplanation } from './har.js';
import { explainMessage, splitMessages, type MessageExplanation } from './message.js';

export { explainHar, type HarEngineVerdict, type HarExplainOptions, type HarExplanation, type HarRequestExplanation } from './har.js';
export { explainMessage, splitMessages, type MessageCandidate, type MessageExplanation } from './message.js';

export interface MessagesExplanation {
  kind: 'messages';
  /** One explanation per console message found in the text, in order. */
  messages: MessageExplanation[];
}

export type Explanation = MessagesExplanation | HarExplanation;

/**
 * Explain console text (one or more pasted lines) or a HAR (its parsed object, or JSON text whose top level
 * has `log`). Resolves with `{ kind: 'messages' }` or `{ kind: 'har' }`.
 */
export async function explain(input: string | Har, options: HarExplainOptions = {}): Promise<Explanation> {
  if (typeof input === 'object' && input !== null) return explainHar(input, options);
  if (typeof input !== 'string') {
    throw new InvalidArgumentError('input', `expected console text or a HAR, got ${input === null ? 'null' : typeof input}`, 'Pass the console line as a string, or the HAR file (its text or parsed JSON).');
  }
  if (/^\s*\{/.test(input) && /"log"\s*:/.test(input)) return explainHar(input, options);
  const pieces = splitMessages(input);
  if (pieces.length === 0) {
    throw new InvalidArgumentError('input', 'it is empty', 'Pass the console line the browser printed, e.g. "Access to fetch at ... has been blocked by CORS policy: ...".');
  }
  return { kind: 'messages', messages: pieces.map(explainMessage) };
}
