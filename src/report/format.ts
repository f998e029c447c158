/**
 * Plain-text rendering of verdicts for failure messages: each exchange as a request line with the CORS headers
 * both ways, the browsers' console messages, and what to change. No colours here; the caller paints.
 */
import type { Exchange, WireResponse } from '../types.js';
import { redactUrlCredentials } from './redact.js';
import { escapeTerminal } from './terminal.js';
import { networkFailureText } from './network.js';

/** Request headers shown for an exchange: the ones the CORS protocol reads. */
const REQUEST_HEADERS = new Set(['origin', 'access-control-request-method', 'access-control-request-headers']);

/** Response headers shown: every `Access-Control-Allow-*`, `-Expose-Headers`, `-Max-Age`, `Vary`, and `Location` on redirects. */
function isShownResponseHeader(lower: string, status: number): boolean {
  return (
    lower.startsWith('access-control-allow-') ||
    lower === 'access-control-expose-headers' ||
    lower === 'access-control-max-age' ||
    lower === 'vary' ||
    (lower === 'location' && status >= 300 && status < 400)
  );
}

/** One block of a failure message: what some engines did with one request. */
export interface DetailBlock {
  /** First line, e.g. `DELETE · chromium, firefox, webkit: blocked (MethodDisallowedByPreflightResponse)`. */
  title: string;
  /** Explanations shown under the title. */
  notes?: readonly string[];
  /** The browsers' console messages, each labelled (`Chromium`, `Firefox`, `as Chromium words it`), with Firefox's reason key. */
  consoles?: ReadonlyArray<{ label: string; message: string; code?: string }>;
  /** The requests that went on the wire and their responses. */
  exchanges?: readonly Exchange[];
  /** A response checked on its own (no request to show): its status and headers. */
  response?: { label: string; status?: number; statusText?: string; headers: ReadonlyArray<readonly [string, string]> };
  /** The last line: what to change on the server. */
  change?: { label: string; text: string };
  /** The same change in another form (the options of the app's CORS middleware), shown under it. */
  also?: { label: string; text: string };
}

const INDENT = '  ';

/**
 * Render one block, indented under its title. Each line is made safe for a terminal (control characters a server
 * sent are shown as escapes, never acted on) and shows no URL's `user:password@`.
 */
export function formatBlock(block: DetailBlock): string {
  const lines = [block.title];
  for (const note of block.notes ?? []) lines.push(INDENT + note);
  for (const line of block.consoles ?? []) {
    // A console of several lines (Firefox and WebKit report a failed preflight twice): each further line under the first.
    // Each is a line of its own, so the escaping below keeps the break and still shows what a server sent.
    if (!line.message) continue;
    const parts = line.message.split('\n');
    parts[parts.length - 1] += line.code ? ` [${line.code}]` : '';
    lines.push(`${INDENT}Console (${line.label}): ${parts[0]}`, ...parts.slice(1).map((part) => INDENT + INDENT + part));
  }
  for (const exchange of block.exchanges ?? []) lines.push(...formatExchange(exchange).map((l) => INDENT + l));
  if (block.response) {
    lines.push(INDENT + block.response.label);
    lines.push(...formatResponse(block.response.status, block.response.statusText, block.response.headers).map((l) => INDENT + INDENT + l));
  }
  if (block.change) lines.push(`${INDENT}${block.change.label}: ${block.change.text}`);
  if (block.also) lines.push(`${INDENT}${block.also.label}: ${block.also.text}`);
  return lines.map((line) => escapeTerminal(redactUrlCredentials(line))).join('\n');
}

/**
 * One exchange: the request line (with its kind), then `>` lines for the CORS request headers sent and `<`
 * lines for the status and the CORS response headers received, or the transport's error.
 */
export function formatExchange(exchange: Exchange): string[] {
  const { request } = exchange;
  const kind = exchange.kind === 'actual' ? '' : ` (${exchange.kind})`;
  const lines = [`${request.method} ${request.url}${kind}`];
  for (const [name, value] of request.headers) {
    if (REQUEST_HEADERS.has(name.toLowerCase())) lines.push(`${INDENT}> ${name}: ${value}`);
  }
  if (exchange.response) lines.push(...formatResponse(exchange.response.status, exchange.response.statusText, exchange.response.headers).map((l) => INDENT + l));
  else lines.push(`${INDENT}x no response: ${networkFailureText(exchange.error)}`);
  return lines;
}

/** The status line and the CORS response headers, each line starting with `<`. */
export function formatResponse(status: number | undefined, statusText: string | undefined, headers: WireResponse['headers'] | ReadonlyArray<readonly [string, string]>): string[] {
  const lines: string[] = [];
  if (status !== undefined) lines.push(`< ${status}${statusText ? ` ${statusText}` : ''}`);
  let shown = 0;
  for (const [name, value] of headers) {
    if (!isShownResponseHeader(name.toLowerCase(), status ?? 0)) continue;
    lines.push(`< ${name}: ${value}`);
    shown++;
  }
  if (shown === 0) lines.push('< (no CORS headers)');
  return lines;
}

/** Join names the way messages list them: `a`, `a and b`, `a, b and c`. */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
