/**
 * A transport that serves conformance scenarios exactly as shared/conformance/harness.mjs does: three
 * loopback "hosts" (page, api, other), `/s/<id>/<hop>` paths, the hop's preflight for an OPTIONS request that
 * carries Access-Control-Request-Method, the hop's response for anything else; placeholders substituted.
 * It records what reached each host, like the harness's `received`.
 */
import { METHODS } from 'node:http';
import type { Transport, WireRequest, WireResponse } from '../../src/types.js';
import { hasHeader } from '../../src/spec/header-list.js';
import { CHROMIUM_HTTP1 } from '../../src/engines/http1.js';
import { readRawResponse } from '../../src/emulator/raw-response.js';
import { TransportError } from '../../src/errors.js';
import { rememberRawBytes } from '../../src/raw-bytes.js';
import { hopUrlOf, hostBase, substitute } from './placeholders.mjs';

/**
 * The harness serves with node:http, whose parser (llhttp) only accepts the methods it knows, by their exact
 * upper-case names: anything else (`FOO`, `patch`) is answered `400 Bad Request` with `Connection: close`
 * before any handler runs, so it never shows in `received`.
 */
const PARSER_METHODS = new Set(METHODS);
/**
 * llhttp also refuses a header value with a control byte other than HT (0x00-0x08, 0x0A-0x1F, 0x7F): `400 Bad
 * Request`, `Connection: close`, before any handler (recorded: a request that carries such a value never shows in
 * `received`). Bytes 0x80-0xFF pass.
 */
const INVALID_VALUE_BYTE = /[\x00-\x08\x0a-\x1f\x7f]/;
/** Whether node:http's parser answers the request itself (400) before any handler sees it. */
export function parserRefuses(wire: WireRequest): boolean {
  if (!PARSER_METHODS.has(wire.method)) return true;
  for (const [, value] of wire.headers) if (refusedValue(value)) return true;
  return false;
}

/**
 * Whether the parser refuses a header value, remembered per value: most values (User-Agent, client hints, origins)
 * recur in every request, and a replay checks thousands of requests.
 */
const refusedValues = new Map<string, boolean>();
function refusedValue(value: string): boolean {
  let refused = refusedValues.get(value);
  if (refused === undefined) {
    refused = INVALID_VALUE_BYTE.test(value);
    if (refusedValues.size >= 4096) refusedValues.clear();
    refusedValues.set(value, refused);
  }
  return refused;
}

/**
 * Whether any header value the scenario's page passes to fetch() carries a byte the parser refuses. The headers an
 * engine adds never do (constants, serialized origins and URLs, tokens), and the emulator's normalizing only
 * trims, so a request of a scenario without one passes the parser's value check: the replay skips it then.
 */
const authorBytes = new WeakMap<ScenarioSpec, boolean>();
function mayCarryRefusedValue(s: ScenarioSpec): boolean {
  let found = authorBytes.get(s);
  if (found === undefined) {
    const requests = [...(s.request ? [s.request] : []), ...(s.fetches ?? []).map((f) => f.request)];
    found = requests.some((r) => (r.headers ?? []).some(([, v]) => INVALID_VALUE_BYTE.test(subst(s, v))));
    authorBytes.set(s, found);
  }
  return found;
}

const BAD_REQUEST: WireResponse = { status: 400, statusText: 'Bad Request', headers: [['Connection', 'close']], body: new Uint8Array(0) };

export interface ScenarioRequest {
  method: string;
  headers?: Array<[string, string]>;
  credentials?: string;
  mode?: string;
  body?: string;
  redirect?: string;
  /** Another URL than hop 0's (placeholders allowed). */
  url?: string;
  /** More members of the fetch() init (`cache`, `targetAddressSpace`, ...). */
  init?: Record<string, string>;
}

export interface ScenarioSpec {
  id: string;
  /** What the probe checks, for people reading recordings. */
  note?: string;
  /** The one fetch() of the scenario; or, for scenarios with several fetches on one page, `fetches`. */
  request?: ScenarioRequest;
  /** Several fetches on one page, in order: each waits `waitMs` first and fetches hop `hop`'s URL (default 0). */
  fetches?: Array<{ request: ScenarioRequest; waitMs?: number; hop?: number }>;
  hops: Array<{ host?: string; preflight?: HopAnswer; response: HopAnswer }>;
}
interface HopAnswer {
  status?: number;
  headers?: Array<[string, string]>;
  body?: string;
  /** The answer's bytes exactly (one character each, placeholders allowed), the connection closing after them. */
  raw?: string;
}

export const PORTS = { page: 41000, api: 41001, other: 41002 } as const;
export type HostName = keyof typeof PORTS;
export const base = (host: HostName) => hostBase(PORTS, host);
export const hopUrl = (s: ScenarioSpec, k: number) => hopUrlOf(PORTS, s, k);
export const subst = (s: ScenarioSpec, value: string): string => substitute(PORTS, s, value);

export interface Received {
  host: HostName;
  hop: number;
  /** Which fetch of a scenario with several sent it. */
  step?: number;
  method: string;
  /** The URL as the request carried it (the server sees its path, query and all). */
  url: string;
  headers: Array<[string, string]>;
}

const encoder = new TextEncoder();
const HOST_BY_PORT = new Map(Object.entries(PORTS).map(([h, p]) => [String(p), h as HostName]));
/** The emulator hands transports serialized URLs: scheme, host, port, path. Parsed as a server's router would. */
const HOP_URL = /^http:\/\/(?:[^@/]*@)?127\.0\.0\.1:(\d+)\/s\/([^/?#]+)\/(\d+)/;

interface Served {
  status: number;
  headers: ReadonlyArray<readonly [string, string]>;
  body: Uint8Array;
}

/** Which scenario, hop and host a request URL is for, as the server's router finds it (remembered per URL). */
interface Route {
  host: HostName;
  s: ScenarioSpec;
  k: number;
  answers: ScenarioSpec['hops'][number];
  /** Whether the parser's header-value check can refuse a request of this scenario (see mayCarryRefusedValue). */
  checkValues: boolean;
}

/**
 * The host, scenario id and hop a request URL names, as the harness's server routes it: `/s/<id>/<k>` on any of
 * its hosts (each serves every scenario's hops). Null for any other URL.
 */
function hopOfUrl(url: string): { host: HostName; id: string; k: number } | null {
  const m = HOP_URL.exec(url);
  const host = m ? HOST_BY_PORT.get(m[1]) : undefined;
  return m && host ? { host, id: m[2], k: Number(m[3]) } : null;
}

/** The index of the hop of `s` a URL is for, as the harness's server routes it, or -1. */
export function hopIndexOf(s: ScenarioSpec, url: string): number {
  const hop = hopOfUrl(url);
  return hop !== null && hop.id === s.id && s.hops[hop.k] !== undefined ? hop.k : -1;
}

const routes = new WeakMap<ReadonlyMap<string, ScenarioSpec>, Map<string, Route>>();

function route(byId: ReadonlyMap<string, ScenarioSpec>, url: string): Route | null {
  let known = routes.get(byId);
  if (!known) routes.set(byId, (known = new Map()));
  let found = known.get(url);
  if (found === undefined) {
    const hop = hopOfUrl(url);
    const s = hop ? byId.get(hop.id) : undefined;
    const answers = hop && s?.hops[hop.k];
    if (!hop || !s || !answers) return null;
    found = { host: hop.host, s, k: hop.k, answers, checkValues: mayCarryRefusedValue(s) };
    if (known.size >= 65_536) known.clear();
    known.set(url, found);
  }
  return found;
}

/**
 * A hop's answer with its placeholders substituted and its body encoded: what the harness's server sends for
 * it, every time. Worked out once per answer (a scenario's answers never change), so a replay measures the
 * emulator rather than string substitution.
 */
const served = new WeakMap<HopAnswer, Served>();
const rawServed = new WeakMap<HopAnswer, Uint8Array>();

/**
 * A raw answer (`raw`), as a URL transport gives it: Node's reading of the bytes (here: Chromium's reader, which
 * reads the most), with the bytes kept beside it for each engine to read as its network stack does
 * (src/raw-bytes.ts); or, where that reading fails, a protocol error that keeps them.
 */
function serveRaw(s: ScenarioSpec, answer: HopAnswer, method: string): WireResponse {
  const bytes = rawAnswerBytes(s, answer);
  const read = readRawResponse(bytes, method, CHROMIUM_HTTP1);
  if (!read.ok) {
    const error = new TransportError('protocol', `The server did not answer ${method} with HTTP Node reads (${read.problem.problem}).`);
    rememberRawBytes(error, bytes);
    throw error;
  }
  const response = { ...read.response, headers: read.response.headers.map(([n, v]): [string, string] => [n, v]) };
  rememberRawBytes(response, bytes);
  return response;
}

/** A raw answer's bytes, placeholders substituted (one byte per character), worked out once per answer. */
export function rawAnswerBytes(s: ScenarioSpec, answer: HopAnswer): Uint8Array {
  let bytes = rawServed.get(answer);
  if (!bytes) rawServed.set(answer, (bytes = Uint8Array.from(subst(s, answer.raw!), (c) => c.charCodeAt(0))));
  return bytes;
}

function serve(s: ScenarioSpec, answer: HopAnswer, preflight: boolean): Served {
  let out = served.get(answer);
  if (!out) {
    out = {
      status: answer.status ?? 200,
      headers: (answer.headers ?? []).map(([n, v]) => [n, subst(s, v)] as const),
      body: encoder.encode(preflight ? '' : answer.body ?? ''),
    };
    served.set(answer, out);
  }
  return out;
}

/** `received`: where to record what reached each host, as the harness does (null: record nothing). */
export function scenarioTransport(byId: ReadonlyMap<string, ScenarioSpec>, received: Map<string, Received[]> | null): Transport {
  return {
    name: 'conformance',
    async send(wire: WireRequest): Promise<WireResponse> {
      const hop = route(byId, wire.url);
      if (hop === null || hop.checkValues ? parserRefuses(wire) : !PARSER_METHODS.has(wire.method)) return BAD_REQUEST;
      if (!hop) return { status: 404, statusText: 'Not Found', headers: [], body: new Uint8Array(0) };
      const { host, s, k } = hop;
      if (received) {
        let list = received.get(s.id);
        if (!list) received.set(s.id, (list = []));
        list.push({ host, hop: k, method: wire.method, url: wire.url, headers: wire.headers.map(([n, v]) => [n.toLowerCase(), v]) });
      }
      const isPreflight = wire.method === 'OPTIONS' && hasHeader(wire.headers, 'access-control-request-method');
      const preflight = isPreflight && hop.answers.preflight !== undefined;
      const given = preflight ? hop.answers.preflight! : hop.answers.response;
      if (given.raw !== undefined) return serveRaw(s, given, wire.method);
      const answer = serve(s, given, preflight);
      // A fresh header list per response, as off the wire; the body's bytes are shared (nothing writes to them).
      return { status: answer.status, statusText: '', headers: answer.headers.map(([n, v]) => [n, v]), body: answer.body };
    },
  };
}
