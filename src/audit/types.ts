/**
 * The data of an audit: probes (what went on the wire and what came back), findings (which rule fired, how
 * severe, on which evidence) and reports. No words here: titles, explanations and fixes are made from this
 * data by src/report/audit-text.ts.
 */
import type { WireRequest, WireResponse } from '../types.js';

export type Severity = 'high' | 'medium' | 'low' | 'info';
/** Most severe first. */
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];

/** True when `severity` is `threshold` or more severe. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

/** Which origin a probe pretends to be, and why. */
export type OriginKind =
  | 'trusted'
  | 'foreign'
  | 'null'
  | 'prefix'
  | 'suffix'
  | 'unescaped-dot'
  | 'include'
  | 'subdomain'
  | 'scheme'
  | 'special-char'
  | 'percent-encoded'
  | 'third-party';

export type ProbeKind =
  /** A request (the audited method when safe, else GET) with `Origin: <origin>`. */
  | 'origin'
  /** The same request without `Origin`. */
  | 'no-origin'
  /** A path next to the endpoint that does not exist, from a trusted origin. */
  | 'not-found'
  /** The request from a trusted origin without the user's Cookie/Authorization headers. */
  | 'unauthenticated'
  /** The preflight a browser sends for a non-simple request. */
  | 'preflight'
  /** A Private Network Access preflight (`Access-Control-Request-Private-Network: true`). */
  | 'private-network'
  /** A WebSocket opening handshake. */
  | 'websocket';

/** How a browser treats one answer (the CORS check, per credentials mode). */
export interface Reading {
  allowOrigin: string | null;
  allowCredentials: string | null;
  /** A browser would hand this origin's script the response: without credentials / with credentials. */
  readable: { omit: boolean; include: boolean };
}

/** The emulator's judgement of a preflight (Chromium's rules), in each credentials mode. */
export interface PreflightJudgement {
  /** Passes without credentials / with credentials. */
  passes: { omit: boolean; include: boolean };
  /** Why it fails in the mode the probe is judged in: the reason code, the browser's console message and the fix. */
  failure: { code: string; message: string; fix: string } | null;
}

export interface Probe {
  /** Unique within an endpoint, e.g. `origin:foreign`, `preflight:DELETE:https://evil.example`. */
  id: string;
  kind: ProbeKind;
  /** For origin probes: which kind of origin. */
  originKind?: OriginKind;
  /** The origin sent (`null` is the string 'null'); absent for the no-Origin probe. */
  origin?: string;
  /** For probes derived from a trusted origin (look-alikes, the trusted probe itself): that origin. */
  basis?: string;
  /** For special-char and percent-encoded probes: the character(s) inserted. */
  variant?: string;
  /** Whether a browser following the URL Standard can send this Origin at all. */
  sendable?: boolean;
  /** For preflights: the method and header names asked for, and the credentials mode judged. */
  method?: string;
  requestHeaders?: string[];
  credentials?: 'omit' | 'include';
  request: WireRequest;
  response?: WireResponse;
  error?: string;
  /** For preflights: what the browser makes of the answer. */
  judgement?: PreflightJudgement;
}

/** One finding: a rule that fired, on which probes. Words come from src/report/audit-text.ts. */
export interface Finding {
  /** The rule's id, e.g. `origin-reflected`: stable, and the SARIF rule id. */
  id: string;
  severity: Severity;
  /** The probe origins whose answers show it. */
  origins: string[];
  /** Ids of the probes that are its evidence. */
  probes: string[];
  /** Facts the words need (a header value, a method, a list of origins...). */
  facts: Record<string, string | number | boolean | string[]>;
}

/** One audited endpoint: a URL and the methods it is audited for. */
export interface Endpoint {
  url: string;
  methods: string[];
}

export interface EndpointReport {
  url: string;
  /** The methods audited (preflights are asked for the non-simple ones). */
  methods: string[];
  /** The method the origin probes were sent with (the audited one when safe, or allowed by `sendUnsafe`; else GET). */
  probeMethod: string;
  /** The trusted origins. */
  origins: string[];
  /** No trusted-origin probe got any answer: nothing could be audited. */
  unreachable: boolean;
  /** The error of the first trusted probe when unreachable. */
  error: string | null;
  /** Methods the endpoint advertised in `Access-Control-Allow-Methods`. */
  advertisedMethods: string[];
  /** Whether a WebSocket endpoint was probed (asked for, or detected by `Upgrade`). */
  websocket: boolean;
  probes: Probe[];
  findings: Finding[];
}

export interface AuditReport {
  /** Version of the report's JSON form (see schemas/audit-report.schema.json). */
  schemaVersion: 1;
  origins: string[];
  endpoints: EndpointReport[];
  /** Every finding's severity counted over every endpoint. */
  counts: Record<Severity, number>;
  /** The most severe finding's severity, or null. */
  highest: Severity | null;
  /** Number of endpoints that could not be reached. */
  unreachable: number;
}
