/**
 * The rules of `corsproof audit`: from the server's answers to the probe requests, the security findings,
 * each with a severity, what was seen, why it matters and what to change. Pure: no network here.
 *
 * "Readable" below uses the browser's own CORS check (`corsCheck`), so a finding is only raised when a
 * browser would actually hand the response to the other site's script.
 */
import { corsCheck } from '../spec/cors-check.js';
import { getHeader, splitHeaderValue } from '../spec/header-list.js';
import type { WireRequest, WireResponse } from '../types.js';
import type { ProbeOrigin } from './audit-origins.js';

export type Severity = 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];

export interface OriginProbe extends ProbeOrigin {
  request: WireRequest;
  response?: WireResponse;
  error?: string;
}

/** The preflight a browser would send for a non-simple request from the trusted origin, judged by the emulator. */
export interface PreflightProbe {
  origin: string;
  /** The method and header names the preflight asked for. */
  method: string;
  headers: string[];
  credentials: 'omit' | 'include';
  /** What went on the wire (absent when the emulator sent nothing). */
  request?: WireRequest;
  response?: WireResponse;
  error?: string;
  /** The browser (Chromium) accepts the preflight. */
  passes: boolean;
  /** Why not, when it does not pass. */
  reason?: { code: string; message: string; fix: string };
}

export interface AuditEvidence {
  trusted: string;
  probes: OriginProbe[];
  preflight: PreflightProbe | null;
}

export interface Finding {
  /** Stable identifier, e.g. `origin-reflected`. */
  id: string;
  severity: Severity;
  title: string;
  /** What was seen and why it matters. */
  detail: string;
  fix: string;
  /** The probe origins whose answers show it. */
  origins: string[];
}

export interface ProbeReading {
  allowOrigin: string | null;
  allowCredentials: string | null;
  /** A browser would give this origin's script the response (no credentials / with credentials). */
  readable: { omit: boolean; include: boolean };
}

/** How a browser treats one probe's answer, for each credentials mode. */
export function readProbe(probe: { origin: string; response?: WireResponse }): ProbeReading {
  const headers = probe.response?.headers ?? [];
  const allowOrigin = getHeader(headers, 'access-control-allow-origin');
  const allowCredentials = getHeader(headers, 'access-control-allow-credentials');
  const check = (credentials: 'omit' | 'include') =>
    probe.response !== undefined && corsCheck({ allowOrigin, allowCredentials, origin: probe.origin, credentials }).ok;
  return { allowOrigin, allowCredentials, readable: { omit: check('omit'), include: check('include') } };
}

const SENSITIVE_HEADER = /^(authorization|proxy-authorization|www-authenticate|set-cookie|cookie)$|token|secret|session|csrf|xsrf|api-?key|auth/i;

/** All findings, most severe first. */
export function findings(evidence: AuditEvidence): Finding[] {
  const out: Finding[] = [];
  const answered = evidence.probes.filter((p) => p.response !== undefined);
  const read = new Map(answered.map((p) => [p, readProbe(p)]));
  const echoed = (p: OriginProbe) => read.get(p)?.allowOrigin === p.origin;
  const withCreds = (p: OriginProbe) => read.get(p)?.readable.include === true;
  const byKind = (kind: OriginProbe['kind']) => answered.filter((p) => p.kind === kind);

  // Any origin reflected.
  const foreign = byKind('foreign').filter(echoed);
  const reflectsAll = foreign.length > 0;
  if (reflectsAll) {
    const creds = foreign.some(withCreds);
    const o = foreign[0].origin;
    out.push({
      id: 'origin-reflected',
      severity: creds ? 'high' : 'low',
      title: creds ? 'Any origin is reflected, with credentials' : 'Any origin is reflected (without credentials)',
      detail: creds
        ? `A request from ${o} got Access-Control-Allow-Origin: ${o} and Access-Control-Allow-Credentials: true. Any website a signed-in user visits can read this endpoint's responses with the user's cookies.`
        : `A request from ${o} got Access-Control-Allow-Origin: ${o}. Any website can read the responses (like \`*\`); fine for public data only, and it needs Vary: Origin.`,
      fix: 'Compare Origin with an exact allow-list of your front-end origins and send Access-Control-Allow-Origin only for those.',
      origins: foreign.map((p) => p.origin),
    });
  }

  // `null` allowed.
  const nulls = byKind('null').filter(echoed);
  if (nulls.length > 0) {
    const creds = nulls.some(withCreds);
    out.push({
      id: 'null-origin',
      severity: creds ? 'high' : 'medium',
      title: creds ? 'Origin null is allowed, with credentials' : 'Origin null is allowed',
      detail: `A request with Origin: null got Access-Control-Allow-Origin: null${creds ? ' and credentials' : ''}. Sandboxed iframes, data: URLs and redirected requests send null, and any attacker can produce one.`,
      fix: "Never allow the origin 'null'; drop it from the allow-list.",
      origins: ['null'],
    });
  }

  // Look-alikes: the origin check is a substring or regex mistake.
  if (!reflectsAll) {
    const lookalikes = answered.filter((p) => (p.kind === 'suffix' || p.kind === 'prefix' || p.kind === 'unescaped-dot') && echoed(p));
    if (lookalikes.length > 0) {
      const creds = lookalikes.some(withCreds);
      out.push({
        id: 'lookalike-origin',
        severity: creds ? 'high' : 'medium',
        title: `Look-alike origins are allowed${creds ? ', with credentials' : ''}`,
        detail: `${lookalikes.map((p) => p.origin).join(', ')} ${lookalikes.length === 1 ? 'was' : 'were'} allowed as if ${evidence.trusted}. The origin check matches a substring or an unanchored/unescaped regex; anyone can register such a domain.`,
        fix: `Compare the whole Origin exactly (origin === '${evidence.trusted}'), or anchor and escape the regex: ${exactRegex(evidence.trusted)}.`,
        origins: lookalikes.map((p) => p.origin),
      });
    }
    const subdomains = byKind('subdomain').filter(echoed);
    if (subdomains.length > 0) {
      const creds = subdomains.some(withCreds);
      out.push({
        id: 'subdomain-trusted',
        severity: creds ? 'medium' : 'low',
        title: `Any subdomain is trusted${creds ? ', with credentials' : ''}`,
        detail: `${subdomains[0].origin} was allowed. If that is intended, any subdomain (and any XSS or takeover on one) can read these responses${creds ? ' with the user\'s cookies' : ''}.`,
        fix: 'List the subdomains that need access instead of trusting all of them.',
        origins: subdomains.map((p) => p.origin),
      });
    }
    const insecure = byKind('scheme').filter(echoed);
    if (insecure.length > 0) {
      const creds = insecure.some(withCreds);
      out.push({
        id: 'insecure-origin',
        severity: creds ? 'medium' : 'low',
        title: `The http: origin is trusted too${creds ? ', with credentials' : ''}`,
        detail: `${insecure[0].origin} was allowed. A network attacker can inject script into a plain-http page of that host and read these responses${creds ? ' with the user\'s cookies' : ''}.`,
        fix: 'Allow only the https: origin.',
        origins: insecure.map((p) => p.origin),
      });
    }
  }

  // Wildcard together with credentials: browsers refuse it.
  const wildcardCreds = answered.filter((p) => read.get(p)?.allowOrigin === '*' && read.get(p)?.allowCredentials === 'true');
  if (wildcardCreds.length > 0) {
    out.push({
      id: 'wildcard-with-credentials',
      severity: 'low',
      title: 'Access-Control-Allow-Origin: * sent with Access-Control-Allow-Credentials: true',
      detail: 'Browsers refuse credentialed requests on a wildcard (WildcardOriginNotAllowed), so requests with cookies fail. A misconfiguration: credentials were probably intended.',
      fix: 'For credentialed requests send the exact origin from an allow-list (and Vary: Origin) instead of *; otherwise drop Access-Control-Allow-Credentials.',
      origins: wildcardCreds.map((p) => p.origin),
    });
  }

  // Wildcard exposing sensitive headers, or setting cookies.
  const wildcard = answered.filter((p) => read.get(p)?.allowOrigin === '*');
  if (wildcard.length > 0) {
    const headers = wildcard[0].response!.headers;
    const exposed = (getHeader(headers, 'access-control-expose-headers') ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter((h) => h !== '' && (h === '*' || SENSITIVE_HEADER.test(h)));
    if (exposed.length > 0) {
      out.push({
        id: 'wildcard-sensitive-headers',
        severity: 'medium',
        title: 'A wildcard response exposes sensitive headers',
        detail: `Access-Control-Allow-Origin: * with Access-Control-Expose-Headers: ${exposed.join(', ')}: every website can read ${exposed.includes('*') ? 'every response header' : 'these headers'}.`,
        fix: 'Expose only the headers any site may read, or restrict Access-Control-Allow-Origin to your origins.',
        origins: wildcard.map((p) => p.origin),
      });
    }
    if (getHeader(headers, 'set-cookie') !== null) {
      out.push({
        id: 'wildcard-sets-cookies',
        severity: 'low',
        title: 'A wildcard response sets cookies',
        detail: 'Access-Control-Allow-Origin: * on a response with Set-Cookie: the endpoint looks user-specific but is readable by every website.',
        fix: 'Check that this response carries nothing personal, or restrict Access-Control-Allow-Origin to your origins.',
        origins: wildcard.map((p) => p.origin),
      });
    }
  }

  // Vary: Origin missing while the CORS answer depends on Origin.
  const allowValues = new Set(answered.map((p) => read.get(p)?.allowOrigin ?? ''));
  if (allowValues.size > 1) {
    const noVary = answered.filter((p) => !variesOnOrigin(p.response!.headers));
    if (noVary.length > 0) {
      out.push({
        id: 'missing-vary-origin',
        severity: 'medium',
        title: 'Vary: Origin is missing while Access-Control-Allow-Origin depends on Origin',
        detail: `The answers for ${noVary.length === answered.length ? 'every probe' : noVary.map((p) => p.origin).join(', ')} have no Vary: Origin. A browser or CDN cache can serve one origin's answer to another: users of your origin get blocked, or another origin gets your origin's grant.`,
        fix: 'Send Vary: Origin on every response whose CORS headers depend on Origin, allowed or not.',
        origins: noVary.map((p) => p.origin),
      });
    }
  }

  // The trusted origin itself.
  const trusted = answered.find((p) => p.kind === 'trusted');
  if (trusted) {
    const reading = read.get(trusted)!;
    if (!reading.readable.omit && !reading.readable.include) {
      out.push({
        id: 'origin-not-allowed',
        severity: 'info',
        title: `${evidence.trusted} cannot read the responses`,
        detail: reading.allowOrigin === null
          ? 'The answer has no Access-Control-Allow-Origin, so browsers block it for that origin.'
          : `The answer has Access-Control-Allow-Origin: ${reading.allowOrigin}, which does not match.`,
        fix: `If ${evidence.trusted} should call this endpoint, send Access-Control-Allow-Origin: ${evidence.trusted} (check it with \`corsproof check\`).`,
        origins: [evidence.trusted],
      });
    } else if (!reading.readable.include && reading.allowOrigin !== '*') {
      out.push({
        id: 'no-credentials',
        severity: 'info',
        title: `Requests with credentials from ${evidence.trusted} are blocked`,
        detail: 'The answer has no Access-Control-Allow-Credentials: true, so fetch(..., { credentials: "include" }) fails; requests without cookies work.',
        fix: 'If the front end sends cookies, add Access-Control-Allow-Credentials: true.',
        origins: [evidence.trusted],
      });
    }
  }

  out.push(...preflightFindings(evidence, trusted ? read.get(trusted)! : null));
  return out.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}

/** The regex literal that matches exactly `origin`: anchored, with `.` and `/` escaped. */
export function exactRegex(origin: string): string {
  return `/^${origin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$/`;
}

function variesOnOrigin(headers: WireResponse['headers']): boolean {
  const vary = getHeader(headers, 'vary');
  if (vary === null) return false;
  return splitHeaderValue(vary).some((v) => v === '*' || v.toLowerCase() === 'origin');
}

/** Max-age above which no browser keeps a preflight (Firefox's cap; Chromium keeps 2 h, WebKit 10 min). */
const LONGEST_BROWSER_MAX_AGE = 86_400;

function preflightFindings(evidence: AuditEvidence, trusted: ProbeReading | null): Finding[] {
  const pre = evidence.preflight;
  if (!pre || !pre.response) return [];
  const out: Finding[] = [];
  const headers = pre.response.headers;
  const origins = [pre.origin];
  const asked = `${pre.method}${pre.headers.length ? ` with ${pre.headers.join(', ')}` : ''}${pre.credentials === 'include' ? ', with credentials' : ''}`;
  if (!pre.passes && trusted && (trusted.readable.omit || trusted.readable.include)) {
    out.push({
      id: 'preflight-fails',
      severity: 'info',
      title: `Preflighted requests from ${pre.origin} are blocked`,
      detail: `The preflight for ${asked} fails${pre.reason ? ` (${pre.reason.code}): ${pre.reason.message}` : '.'} Simple GETs work; PUT/DELETE, JSON bodies and custom headers do not. If the front end only reads this endpoint, nothing to do.`,
      fix: pre.reason?.fix || 'Answer OPTIONS with a 2xx status, the same Access-Control-Allow-Origin, and Access-Control-Allow-Methods and -Headers.',
      origins,
    });
  }
  const reading = readProbe(pre);
  const okStatus = pre.response.status >= 200 && pre.response.status <= 299;
  if (!okStatus || !(reading.readable.omit || reading.readable.include)) return out;
  const maxAge = getHeader(headers, 'access-control-max-age');
  if (maxAge === null) {
    out.push({
      id: 'preflight-max-age-missing',
      severity: 'info',
      title: 'The preflight has no Access-Control-Max-Age',
      detail: 'Browsers then cache it for 5 seconds only, so almost every non-simple request costs an extra OPTIONS round trip.',
      fix: 'Send Access-Control-Max-Age: 600 (or up to 7200, Chromium\'s limit).',
      origins,
    });
  } else if (!/^\d+$/.test(maxAge.trim())) {
    out.push({
      id: 'preflight-max-age-invalid',
      severity: 'low',
      title: `Access-Control-Max-Age: ${maxAge} is not a number of seconds`,
      detail: 'Browsers ignore it and cache the preflight for 5 seconds.',
      fix: 'Send a whole number of seconds, e.g. Access-Control-Max-Age: 600.',
      origins,
    });
  } else if (Number(maxAge.trim()) > LONGEST_BROWSER_MAX_AGE) {
    out.push({
      id: 'preflight-max-age-long',
      severity: 'low',
      title: `Access-Control-Max-Age: ${maxAge.trim()} is longer than any browser keeps a preflight`,
      detail: 'Chromium keeps a preflight 2 hours at most, Firefox 24 hours, WebKit 10 minutes; the rest is ignored. What it does do: a policy change (removing an origin, a method or a header) reaches Firefox users only a day later.',
      fix: 'Send a value from 600 to 7200.',
      origins,
    });
  }
  const credentialed = reading.allowCredentials === 'true';
  const wildcardIn = (name: string) => splitHeaderValue(getHeader(headers, name) ?? '').includes('*');
  for (const [header, what] of [
    ['access-control-allow-methods', 'methods'],
    ['access-control-allow-headers', 'headers'],
  ] as const) {
    if (!wildcardIn(header)) continue;
    out.push({
      id: `wildcard-${what}`,
      severity: 'low',
      title: credentialed
        ? `Access-Control-Allow-${what === 'methods' ? 'Methods' : 'Headers'}: * with credentials is read literally`
        : `Access-Control-Allow-${what === 'methods' ? 'Methods' : 'Headers'}: * allows every ${what === 'methods' ? 'method' : 'header'}`,
      detail: credentialed
        ? `With Access-Control-Allow-Credentials: true, browsers treat * as a ${what === 'methods' ? 'method' : 'header'} literally named "*", so credentialed requests needing a preflight fail.`
        : `Every allowed origin may send any ${what === 'methods' ? 'method (DELETE, PATCH, ...)' : 'request header (except Authorization, which * never covers)'}.`,
      fix: `List the ${what} the front end uses, e.g. ${what === 'methods' ? 'GET, POST, PUT, DELETE' : 'Content-Type, Authorization, X-CSRF-Token'}.`,
      origins,
    });
  }
  return out;
}
