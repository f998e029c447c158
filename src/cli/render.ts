/**
 * Terminal rendering shared by the commands: colour (only on a TTY, never with NO_COLOR), exchanges as
 * request/response header blocks, and the JSON form of exchanges.
 */
import { escapeJsonForTerminal } from '../report/terminal.js';
import { styleText } from 'node:util';
import { networkFailureText } from '../report/network.js';
import type { Exchange, WireRequest, WireResponse } from '../types.js';
import type { Paint } from '../report/explain-text.js';

/** The colours the commands use: the same set `report/explain-text.ts` paints with. */
export type Style = Paint;

/**
 * Whether to colour a stream. `--color` / `--no-color` (`flag`) decide when given. Otherwise: never with
 * `NO_COLOR` set to anything non-empty (https://no-color.org), nor with `FORCE_COLOR=0` (or `false`), nor on a
 * dumb terminal; `FORCE_COLOR` set to anything else turns it on for pipes; else only on a TTY.
 */
export function useColor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force !== undefined && force !== '') return true;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/** Styles through Node's `util.styleText`; the decision to colour is `useColor`'s, not the stream's. */
export function createStyle(enabled: boolean): Style {
  const style = (format: Parameters<typeof styleText>[0]) => (text: string) => (enabled ? styleText(format, text, { validateStream: false }) : text);
  return { bold: style('bold'), dim: style('dim'), red: style('red'), green: style('green'), yellow: style('yellow'), cyan: style('cyan') };
}

/** Request headers worth showing: the CORS ones, plus the ones the user asked to send. */
function shownRequestHeader(name: string, extra: ReadonlySet<string>): boolean {
  const lower = name.toLowerCase();
  return lower === 'origin' || lower.startsWith('access-control-') || extra.has(lower);
}

/** Response headers worth showing: the CORS ones, `Vary`, and `Location` on redirects. */
function shownResponseHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('access-control-') || lower === 'vary' || lower === 'location';
}

const KIND_LABEL: Record<Exchange['kind'], string> = { preflight: 'preflight', actual: 'request', redirect: 'redirect' };

/**
 * One exchange as lines:
 *
 *     preflight  OPTIONS http://127.0.0.1:8080/api/admin
 *       > Origin: https://app.example
 *       < 204 No Content
 *       < Access-Control-Allow-Origin: https://app.example
 */
export function renderExchange(exchange: Exchange, style: Style, extraRequestHeaders: ReadonlySet<string>, indent = '  '): string[] {
  const lines = [`${indent}${style.dim(KIND_LABEL[exchange.kind].padEnd(9))}  ${style.bold(exchange.request.method)} ${exchange.request.url}`];
  const inner = `${indent}  `;
  for (const [name, value] of exchange.request.headers) {
    if (shownRequestHeader(name, extraRequestHeaders)) lines.push(`${inner}${style.dim('>')} ${name}: ${value}`);
  }
  if (exchange.response) {
    const r = exchange.response;
    const status = `${r.status}${r.statusText ? ` ${r.statusText}` : ''}`;
    lines.push(`${inner}${style.dim('<')} ${r.status >= 200 && r.status < 300 ? status : style.yellow(status)}`);
    const shown = r.headers.filter(([name]) => shownResponseHeader(name));
    for (const [name, value] of shown) lines.push(`${inner}${style.dim('<')} ${name}: ${value}`);
    if (!r.headers.some(([name]) => name.toLowerCase().startsWith('access-control-'))) {
      lines.push(`${inner}${style.dim('<')} ${style.dim('(no Access-Control-* headers)')}`);
    }
  } else {
    lines.push(`${inner}${style.red('x')} ${exchange.error ? networkFailureText(exchange.error) : 'no response'}`);
  }
  return lines;
}

export interface WireRequestJson {
  method: string;
  url: string;
  headers: Array<[string, string]>;
}

export interface WireResponseJson {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
}

export interface ExchangeJson {
  kind: Exchange['kind'];
  request: WireRequestJson;
  response?: WireResponseJson;
  error?: string;
}

export function requestToJson(request: WireRequest): WireRequestJson {
  return { method: request.method, url: request.url, headers: request.headers.map(([n, v]) => [n, v]) };
}

export function responseToJson(response: WireResponse): WireResponseJson {
  return { status: response.status, statusText: response.statusText, headers: response.headers.map(([n, v]) => [n, v]) };
}

/** An exchange without bodies, ready for `JSON.stringify`. */
export function exchangeToJson(exchange: Exchange): ExchangeJson {
  const out: ExchangeJson = { kind: exchange.kind, request: requestToJson(exchange.request) };
  if (exchange.response) out.response = responseToJson(exchange.response);
  if (exchange.error !== undefined) out.error = networkFailureText(exchange.error);
  return out;
}

/** Word-wrap-free indentation of a multi-line block. */
export function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `${prefix}${line}`))
    .join('\n');
}

/**
 * `JSON.stringify` with 2-space indentation, but `[name, value]` header pairs kept on one line each, and every
 * character a terminal acts on escaped (`\u009b`), so the output is safe to print and parses to the same value.
 */
export function formatJson(value: unknown): string {
  const text = escapeJsonForTerminal(JSON.stringify(value, null, 2));
  return `${text.replace(/\[\n\s*("(?:[^"\\]|\\.)*"),\n\s*("(?:[^"\\]|\\.)*")\n\s*\]/g, '[$1, $2]')}\n`;
}
