/**
 * Header lists in the shapes Node gives them, turned into the wire's ordered `[name, value]` pairs with
 * repeated names kept, and back.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import { combineHeader } from '../spec/header-list.js';

export type HeaderPairs = Array<[string, string]>;

/** `IncomingMessage.rawHeaders` (`[name, value, name, value, ...]`) to pairs. */
export function pairsFromRawHeaders(raw: readonly string[]): HeaderPairs {
  const pairs: HeaderPairs = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i], raw[i + 1]]);
  return pairs;
}

/**
 * The serialized head of a Node `ServerResponse` (`res._header`: status line, header lines, blank line) to
 * pairs: exactly what the app would have put on a socket, in order, repeats kept. Null if it does not parse.
 */
export function pairsFromHeaderBlock(block: string): HeaderPairs | null {
  const lines = block.split('\r\n');
  if (!/^HTTP\/\d(\.\d)? \d{3}/.test(lines[0] ?? '')) return null;
  const pairs: HeaderPairs = [];
  for (const line of lines.slice(1)) {
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    pairs.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  return pairs;
}

/** A Node headers record (`getHeaders()`, light-my-request's `headers`) to pairs; array values become repeats. */
export function pairsFromHeaderRecord(record: OutgoingHttpHeaders | Record<string, unknown>): HeaderPairs {
  const pairs: HeaderPairs = [];
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) pairs.push([name, String(item)]);
    else pairs.push([name, String(value)]);
  }
  return pairs;
}

/**
 * Pairs to a record for Node request APIs: names keep the case first seen, repeated names become arrays
 * (light-my-request sends each array item as its own header line in `rawHeaders`).
 */
export function recordFromPairs(pairs: HeaderPairs): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const [name, values] of groupByName(pairs)) record[name] = values.length === 1 ? values[0] : values;
  return record;
}

/** Values by header name, in order: each name as first seen, with every value given for it (any case). */
function groupByName(pairs: HeaderPairs): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  const caseOf = new Map<string, string>();
  for (const [name, value] of pairs) {
    const key = name.toLowerCase();
    const first = caseOf.get(key);
    if (first === undefined) {
      caseOf.set(key, name);
      groups.set(name, [value]);
    } else groups.get(first)!.push(value);
  }
  return groups;
}

/** True when `pairs` has a header named `name` (any case). */
export function hasHeader(pairs: HeaderPairs, name: string): boolean {
  const lower = name.toLowerCase();
  return pairs.some(([n]) => n.toLowerCase() === lower);
}

/** Pairs flattened to Node's raw header array form, `[name, value, name, value, ...]`. */
export function flattenPairs(pairs: HeaderPairs): string[] {
  return pairs.flatMap(([name, value]) => [name, value]);
}

/**
 * Pairs to a plain record, as a browser puts a request on the wire: names keep the case first seen, order is
 * kept, and a name given twice is sent once with its values combined by `, `. Every HTTP client API accepts
 * this form, request interceptors such as nock 13 included (they reject the raw array form and array values).
 */
export function combinedRecordFromPairs(pairs: HeaderPairs): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, values] of groupByName(pairs)) combineHeader(record, name, values.join(', '));
  return record;
}
