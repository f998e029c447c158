/**
 * The audit's rules, as a table: each rule names the probes it reads, decides whether it fires and how
 * severe it is from what a browser would let a foreign page do, and returns the facts its words need
 * (src/report/audit-text.ts, under the same id). Pure: no network here.
 *
 * Severity, throughout:
 * - high: a page on an origin anyone can get reads the responses with the user's credentials, sends
 *   credentialed non-simple requests (PUT, DELETE, JSON), or opens the user's WebSocket;
 * - medium: the same, from an origin that takes more to get (a subdomain, the http: page on a hostile
 *   network, a host name no public certificate covers);
 * - low: another origin reads without credentials (a broken check that turns high the day credentials are
 *   switched on), or a configuration that breaks the trusted front end;
 * - info: what is worth knowing but lets no other site do anything.
 * A public `*` without credentials is not a finding.
 */
import { getHeader, splitHeaderValue } from '../spec/header-list.js';
import { readProbe, variesOnOrigin } from './reading.js';
import { SEVERITIES, type Finding, type OriginKind, type Probe, type ProbeKind, type Reading, type Severity } from './types.js';

export interface RuleContext {
  url: string;
  trusted: string[];
  probes: Probe[];
  /** The user's request headers (names lower-cased): signed-in probes carry cookie/authorization. */
  userHeaders: Set<string>;
  read(probe: Probe): Reading;
  answered(probe: Probe): boolean;
  byOriginKind(kind: OriginKind): Probe[];
  /** The foreign origin is readable: every other origin rule is implied and stays quiet. */
  reflectsAll: boolean;
}

export type Draft = Omit<Finding, 'id'>;

/** A probe kind, an origin probe of one kind, or the trusted/foreign preflights. */
export type ProbeRef = ProbeKind | `origin:${OriginKind}` | 'preflight:trusted' | 'preflight:foreign';

export interface Rule {
  id: string;
  /** Which probes it reads (its words: src/report/audit-text.ts `probeRefText`). */
  reads: ProbeRef[];
  evaluate(ctx: RuleContext): Draft[];
}

const granted = (ctx: RuleContext, p: Probe) => ctx.read(p).readable.omit || ctx.read(p).readable.include;
/** Granted by name: the answer names this origin (a wildcard grants every origin alike and is judged on its own). */
const echoed = (ctx: RuleContext, p: Probe) => granted(ctx, p) && ctx.read(p).allowOrigin !== '*';
const withCreds = (ctx: RuleContext, p: Probe) => ctx.read(p).readable.include;

/** An origin rule: the probes of `kinds` that a browser lets read; severity from credentials. */
function originRule(id: string, kinds: OriginKind[], severity: (creds: boolean) => Severity, opts: { quietWhenAll?: boolean } = {}): Rule {
  return {
    id,
    reads: kinds.map((k): ProbeRef => `origin:${k}`),
    evaluate(ctx) {
      if (opts.quietWhenAll !== false && ctx.reflectsAll) return [];
      const hits = kinds.flatMap((k) => ctx.byOriginKind(k)).filter((p) => ctx.answered(p) && echoed(ctx, p));
      if (hits.length === 0) return [];
      const creds = hits.some((p) => withCreds(ctx, p));
      return [
        {
          severity: severity(creds),
          origins: hits.map((p) => p.origin!),
          probes: hits.map((p) => p.id),
          facts: {
            credentials: creds,
            allowOrigin: ctx.read(hits[0]).allowOrigin ?? '',
            basis: hits[0].basis ?? ctx.trusted[0],
            variants: hits.map((p) => p.variant ?? '').filter((v) => v !== ''),
          },
        },
      ];
    },
  };
}

const highOrLow = (creds: boolean): Severity => (creds ? 'high' : 'low');
const mediumOrLow = (creds: boolean): Severity => (creds ? 'medium' : 'low');

/** `Access-Control-Allow-Origin` values that are not `*`, `null` or one serialised origin. */
function isSerialisedOrigin(value: string): boolean {
  if (value === '*' || value === 'null') return true;
  // A host with * is a pattern a server meant, never an origin a page has; commas and spaces make a list.
  if (/[*, ]/.test(value)) return false;
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

const MAX_AGE_LONGEST = 86_400;
const SENSITIVE_HEADER = /^(authorization|proxy-authorization|www-authenticate|set-cookie|cookie)$|token|secret|session|csrf|xsrf|api-?key|auth/i;

export const RULES: readonly Rule[] = [
  originRule('origin-reflected', ['foreign'], highOrLow, { quietWhenAll: false }),
  {
    id: 'null-origin',
    reads: ['origin:null', 'origin'],
    evaluate(ctx) {
      const hits = ctx.byOriginKind('null').filter((p) => ctx.answered(p) && echoed(ctx, p));
      if (hits.length === 0) return [];
      const creds = hits.some((p) => withCreds(ctx, p));
      const everyone = ctx.probes.some((p) => p.kind === 'origin' && p.origin !== 'null' && ctx.read(p).allowOrigin === 'null');
      return [{ severity: highOrLow(creds), origins: ['null'], probes: hits.map((p) => p.id), facts: { credentials: creds, static: everyone } }];
    },
  },
  originRule('lookalike-origin', ['prefix', 'suffix', 'unescaped-dot', 'include'], highOrLow),
  originRule('third-party-origin', ['third-party'], highOrLow),
  {
    id: 'parser-confusion-origin',
    reads: ['origin:special-char'],
    evaluate(ctx) {
      if (ctx.reflectsAll) return [];
      const granted = ctx.byOriginKind('special-char').filter((p) => ctx.answered(p) && echoed(ctx, p));
      const sendable = granted.filter((p) => p.sendable);
      // Characters no browser puts in a host (| ^) prove a loose check but let no page in: info.
      const hits = sendable.length > 0 ? sendable : granted;
      if (hits.length === 0) return [];
      const creds = hits.some((p) => withCreds(ctx, p));
      const severity: Severity = sendable.length === 0 ? 'info' : !creds ? 'low' : hits.some((p) => p.origin!.startsWith('http:')) ? 'high' : 'medium';
      return [
        {
          severity,
          origins: hits.map((p) => p.origin!),
          probes: hits.map((p) => p.id),
          facts: { credentials: creds, basis: hits[0].basis ?? ctx.trusted[0], variants: hits.map((p) => p.variant ?? ''), sendable: sendable.length > 0 },
        },
      ];
    },
  },
  {
    id: 'percent-encoded-origin',
    reads: ['origin:percent-encoded'],
    evaluate(ctx) {
      if (ctx.reflectsAll) return [];
      const hits = ctx.byOriginKind('percent-encoded').filter((p) => {
        const allow = ctx.read(p).allowOrigin;
        if (!ctx.answered(p) || allow === null || allow === '*') return false;
        let decoded = p.origin!;
        try {
          decoded = decodeURIComponent(p.origin!);
        } catch {
          /* keep it */
        }
        return allow === p.origin || allow === decoded;
      });
      if (hits.length === 0) return [];
      return [{ severity: 'info', origins: hits.map((p) => p.origin!), probes: hits.map((p) => p.id), facts: { variants: hits.map((p) => p.variant ?? '') } }];
    },
  },
  originRule('subdomain-trusted', ['subdomain'], mediumOrLow),
  originRule('insecure-origin', ['scheme'], mediumOrLow),
  {
    id: 'preflight-any-origin',
    reads: ['preflight:foreign', 'origin:foreign'],
    evaluate(ctx) {
      // Origins whose actual answers are readable already have their finding (reflected, null): this rule is
      // for the preflight that is looser than the actual response.
      const readableOrigins = new Set(ctx.probes.filter((p) => p.kind === 'origin' && ctx.answered(p) && echoed(ctx, p)).map((p) => p.origin));
      const hits = ctx.probes.filter(
        (p) => p.kind === 'preflight' && p.basis === undefined && !readableOrigins.has(p.origin) && p.judgement && (p.judgement.passes.include || p.judgement.passes.omit),
      );
      if (hits.length === 0) return [];
      const creds = hits.filter((p) => p.judgement!.passes.include);
      const shown = creds.length > 0 ? creds : hits;
      const foreignActual = ctx.byOriginKind('foreign').find((p) => ctx.answered(p));
      return [
        {
          severity: creds.length > 0 ? 'high' : 'info',
          origins: [...new Set(shown.map((p) => p.origin!))],
          probes: shown.map((p) => p.id),
          facts: {
            credentials: creds.length > 0,
            methods: [...new Set(shown.map((p) => p.method!))],
            actualStrict: foreignActual !== undefined && !granted(ctx, foreignActual),
          },
        },
      ];
    },
  },
  {
    id: 'allow-origin-invalid',
    reads: ['origin'],
    evaluate(ctx) {
      // An echo of what was sent is the server reflecting (other rules); here: values the server made up.
      const hits = ctx.probes.filter((p) => {
        const allow = p.kind === 'origin' && ctx.answered(p) ? ctx.read(p).allowOrigin : null;
        return allow !== null && allow !== p.origin && !isSerialisedOrigin(allow);
      });
      if (hits.length === 0) return [];
      const trustedHit = hits.find((p) => p.originKind === 'trusted');
      const shown = trustedHit ?? hits[0];
      return [
        {
          severity: trustedHit ? 'low' : 'info',
          origins: hits.map((p) => p.origin!),
          probes: hits.map((p) => p.id),
          facts: {
            value: ctx.read(shown).allowOrigin!,
            origin: shown.origin!,
            code: shown.judgement?.failure?.code ?? '',
            message: shown.judgement?.failure?.message ?? '',
            browserFix: shown.judgement?.failure?.fix ?? '',
            toTrusted: trustedHit !== undefined,
          },
        },
      ];
    },
  },
  {
    id: 'missing-vary-origin',
    reads: ['origin', 'no-origin'],
    evaluate(ctx) {
      const set = ctx.probes.filter((p) => (p.kind === 'origin' || p.kind === 'no-origin') && ctx.answered(p));
      const values = new Set(set.map((p) => ctx.read(p).allowOrigin ?? ''));
      if (values.size < 2) return [];
      const noVary = set.filter((p) => !variesOnOrigin(p.response!));
      if (noVary.length === 0) return [];
      const specific = [...values].some((v) => v !== '' && v !== '*');
      return [
        {
          severity: specific ? 'low' : 'info',
          origins: noVary.map((p) => p.origin ?? '(no Origin)'),
          probes: noVary.map((p) => p.id),
          facts: { every: noVary.length === set.length, specific },
        },
      ];
    },
  },
  {
    id: 'wildcard-with-credentials',
    reads: ['origin'],
    evaluate(ctx) {
      const hits = ctx.probes.filter((p) => p.kind === 'origin' && ctx.answered(p) && ctx.read(p).allowOrigin === '*' && ctx.read(p).allowCredentials === 'true');
      return hits.length === 0 ? [] : [{ severity: 'low', origins: hits.map((p) => p.origin!), probes: hits.map((p) => p.id), facts: {} }];
    },
  },
  {
    id: 'wildcard-sensitive-headers',
    reads: ['origin'],
    evaluate(ctx) {
      const wildcard = ctx.probes.filter((p) => p.kind === 'origin' && ctx.answered(p) && ctx.read(p).allowOrigin === '*');
      if (wildcard.length === 0) return [];
      const exposed = (getHeader(wildcard[0].response!.headers, 'access-control-expose-headers') ?? '')
        .split(',')
        .map((h) => h.trim())
        .filter((h) => h !== '' && (h === '*' || SENSITIVE_HEADER.test(h)));
      return exposed.length === 0 ? [] : [{ severity: 'info', origins: wildcard.map((p) => p.origin!), probes: [wildcard[0].id], facts: { headers: exposed } }];
    },
  },
  {
    id: 'wildcard-sets-cookies',
    reads: ['origin'],
    evaluate(ctx) {
      const hits = ctx.probes.filter((p) => p.kind === 'origin' && ctx.answered(p) && ctx.read(p).allowOrigin === '*' && getHeader(p.response!.headers, 'set-cookie') !== null);
      return hits.length === 0 ? [] : [{ severity: 'info', origins: hits.map((p) => p.origin!), probes: [hits[0].id], facts: {} }];
    },
  },
  {
    id: 'origin-not-allowed',
    reads: ['origin:trusted'],
    evaluate(ctx) {
      return ctx.byOriginKind('trusted')
        .filter((p) => ctx.answered(p) && !granted(ctx, p))
        .map((p) => ({ severity: 'info' as const, origins: [p.origin!], probes: [p.id], facts: { allowOrigin: ctx.read(p).allowOrigin ?? '', message: p.judgement?.failure?.message ?? '' } }));
    },
  },
  {
    id: 'no-credentials',
    reads: ['origin:trusted'],
    evaluate(ctx) {
      return ctx.byOriginKind('trusted')
        .filter((p) => ctx.answered(p) && ctx.read(p).readable.omit && !ctx.read(p).readable.include && ctx.read(p).allowOrigin !== '*')
        .map((p) => ({ severity: 'info' as const, origins: [p.origin!], probes: [p.id], facts: {} }));
    },
  },
  {
    id: 'error-without-cors',
    reads: ['not-found', 'unauthenticated', 'origin:trusted', 'preflight:trusted'],
    evaluate(ctx) {
      const trustedOk = ctx.probes.some((p) => p.basis !== undefined && ((p.kind === 'origin' && granted(ctx, p)) || (p.kind === 'preflight' && p.judgement && (p.judgement.passes.omit || p.judgement.passes.include))));
      if (!trustedOk) return [];
      const hits = ctx.probes.filter(
        (p) => (p.kind === 'not-found' || p.kind === 'unauthenticated' || p.originKind === 'trusted') && ctx.answered(p) && p.response!.status >= 400 && ctx.read(p).allowOrigin === null,
      );
      if (hits.length === 0) return [];
      return [{ severity: 'info', origins: [...new Set(hits.map((p) => p.origin!))], probes: hits.map((p) => p.id), facts: { statuses: hits.map((p) => `${p.response!.status} (${p.kind === 'origin' ? 'the endpoint' : p.kind})`) } }];
    },
  },
  {
    id: 'private-network-broad',
    reads: ['private-network'],
    evaluate(ctx) {
      const p = ctx.probes.find((x) => x.kind === 'private-network');
      if (!p || !ctx.answered(p)) return [];
      const allowed = getHeader(p.response!.headers, 'access-control-allow-private-network') === 'true';
      return allowed && granted(ctx, p) ? [{ severity: 'info', origins: [p.origin!], probes: [p.id], facts: {} }] : [];
    },
  },
  {
    id: 'websocket-cross-site',
    reads: ['websocket'],
    evaluate(ctx) {
      const hits = ctx.probes.filter((p) => p.kind === 'websocket' && p.basis === undefined && p.response?.status === 101);
      if (hits.length === 0) return [];
      const signedIn = ctx.userHeaders.has('cookie');
      return [{ severity: signedIn ? 'high' : 'medium', origins: hits.map((p) => p.origin!), probes: hits.map((p) => p.id), facts: { signedIn } }];
    },
  },
  ...preflightRules(),
];

/** The trusted origin's own preflight: does it pass, and what its max-age and wildcards do. */
function preflightRules(): Rule[] {
  const trustedPreflights = (ctx: RuleContext) => ctx.probes.filter((p) => p.kind === 'preflight' && p.basis !== undefined && ctx.answered(p));
  const passing = (ctx: RuleContext) => trustedPreflights(ctx).filter((p) => p.response!.status >= 200 && p.response!.status <= 299 && granted(ctx, p));
  const trustedReads = (ctx: RuleContext, origin: string) => ctx.byOriginKind('trusted').find((t) => t.origin === origin && ctx.answered(t) && granted(ctx, t));
  return [
    {
      id: 'preflight-fails',
      reads: ['preflight:trusted'],
      evaluate(ctx) {
        return trustedPreflights(ctx)
          .filter((p) => p.judgement && p.judgement.failure && trustedReads(ctx, p.origin!))
          .map((p) => ({
            severity: 'info' as const,
            origins: [p.origin!],
            probes: [p.id],
            facts: { method: p.method!, headers: p.requestHeaders ?? [], credentials: p.credentials === 'include', code: p.judgement!.failure!.code, message: p.judgement!.failure!.message, browserFix: p.judgement!.failure!.fix },
          }));
      },
    },
    ...(['missing', 'invalid', 'long'] as const).map(
      (problem): Rule => ({
        id: `preflight-max-age-${problem}`,
        reads: ['preflight:trusted'],
        evaluate(ctx) {
          const p = passing(ctx)[0];
          if (!p) return [];
          const raw = getHeader(p.response!.headers, 'access-control-max-age');
          const found = raw === null ? 'missing' : !/^\d+$/.test(raw.trim()) ? 'invalid' : Number(raw.trim()) > MAX_AGE_LONGEST ? 'long' : null;
          if (found !== problem) return [];
          return [{ severity: problem === 'missing' ? 'info' : 'low', origins: [p.origin!], probes: [p.id], facts: { value: raw?.trim() ?? '' } }];
        },
      }),
    ),
    ...(['methods', 'headers'] as const).map(
      (what): Rule => ({
        id: `wildcard-${what}`,
        reads: ['preflight:trusted'],
        evaluate(ctx) {
          const p = passing(ctx)[0] ?? trustedPreflights(ctx).find((x) => granted(ctx, x));
          if (!p) return [];
          if (!splitHeaderValue(getHeader(p.response!.headers, `access-control-allow-${what}`) ?? '').includes('*')) return [];
          const creds = ctx.read(p).allowCredentials === 'true';
          return [{ severity: creds ? 'low' : 'info', origins: [p.origin!], probes: [p.id], facts: { credentials: creds } }];
        },
      }),
    ),
  ];
}

/** Run every rule over an endpoint's probes. Findings come most severe first, in table order within a severity. */
export function evaluate(input: { url: string; trusted: string[]; probes: Probe[]; userHeaders: Array<[string, string]> }): Finding[] {
  const readings = new Map<Probe, Reading>();
  const read = (p: Probe) => {
    let r = readings.get(p);
    if (!r) readings.set(p, (r = readProbe(p)));
    return r;
  };
  const answered = (p: Probe) => p.response !== undefined;
  const byOriginKind = (kind: OriginKind) => input.probes.filter((p) => p.kind === 'origin' && p.originKind === kind);
  const foreign = byOriginKind('foreign').filter(answered);
  const ctx: RuleContext = {
    url: input.url,
    trusted: input.trusted,
    probes: input.probes,
    userHeaders: new Set(input.userHeaders.map(([n]) => n.toLowerCase())),
    read,
    answered,
    byOriginKind,
    reflectsAll: foreign.some((p) => (read(p).readable.omit || read(p).readable.include) && read(p).allowOrigin !== '*'),
  };
  const out: Finding[] = [];
  for (const rule of RULES) for (const draft of rule.evaluate(ctx)) out.push({ id: rule.id, ...draft });
  return out.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}
