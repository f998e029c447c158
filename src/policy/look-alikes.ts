/**
 * Origins a policy must refuse, derived from the ones it allows: for each allowed origin or pattern, the
 * look-alikes that catch the usual matching mistakes (a prefix or suffix test, an unescaped dot, any
 * subdomain, the other scheme, another port), plus `null` and a foreign site. Look-alikes the policy itself
 * allows are left out, so every one of them must be refused.
 */
import { originAllowed, patternWith, PATTERN_EXAMPLE_LABEL, type OriginRule, type OriginRules } from './origin-rules.js';

export type LookAlikeKind = 'foreign' | 'null' | 'prefix' | 'suffix' | 'unescaped-dot' | 'subdomain' | 'scheme' | 'port' | 'extra-label' | 'no-label';

export interface RefusedOrigin {
  origin: string;
  kind: LookAlikeKind;
  /** The allowed origin or pattern it imitates, when it imitates one. */
  of?: string;
}

const FOREIGN = ['https://evil.example', 'https://corsproof-attacker.example'];

/** Every origin to refuse, in a stable order, without duplicates or origins the rules allow. */
export function refusedOrigins(origins: OriginRules): RefusedOrigin[] {
  const out: RefusedOrigin[] = [];
  // Every origin allowed ('Access-Control-Allow-Origin: *' lets null and any site in): nothing to refuse.
  if (origins.any) return out;
  const add = (candidate: RefusedOrigin | null) => {
    if (candidate === null || out.some((r) => r.origin === candidate.origin)) return;
    if (candidate.origin !== 'null' && originAllowed(origins, candidate.origin)) return;
    out.push(candidate);
  };
  const foreign = FOREIGN.find((o) => !originAllowed(origins, o));
  if (foreign) add({ origin: foreign, kind: 'foreign' });
  add({ origin: 'null', kind: 'null' });
  for (const rule of origins.rules) {
    if (rule.kind === 'pattern') patternLookAlikes(rule).forEach(add);
    else if (rule.kind === 'exact') exactLookAlikes(rule.origin).forEach(add);
    else rule.examples.forEach((origin) => exactLookAlikes(origin).forEach(add));
  }
  return out;
}

/** Look-alikes of one exact origin. */
function exactLookAlikes(origin: string): RefusedOrigin[] {
  const url = new URL(origin);
  const host = url.hostname;
  const isIp = /^\d+(\.\d+){3}$/.test(host) || host.startsWith('[');
  const out: Array<RefusedOrigin | null> = [];
  const make = (kind: LookAlikeKind, hostname: string, protocol = url.protocol, port = url.port) => withParts(protocol, hostname, port, kind, origin);
  if (!isIp) {
    // `origin.endsWith('app.example')`, or a regex without `^`.
    out.push(make('prefix', `evil${host}`));
    // A regex with its dot unescaped: `app.example` matches `appxexample`.
    if (host.includes('.')) out.push(make('unescaped-dot', host.replace('.', 'x')));
    // Trusting every subdomain of an allowed origin.
    out.push(make('subdomain', `evil.${host}`));
  }
  // `origin.startsWith('https://app.example')`, or a regex without `$`.
  out.push(make('suffix', `${host}.evil.example`));
  // The other scheme: a network attacker can inject script into the http: page.
  out.push(make('scheme', host, url.protocol === 'https:' ? 'http:' : 'https:'));
  // Another port on the same host is another origin.
  out.push(make('port', host, url.protocol, url.port === '8443' ? '9443' : '8443'));
  return out.filter((r): r is RefusedOrigin => r !== null);
}

/** Look-alikes of a pattern: the `*` widened (two labels, none), the fixed part imitated, the scheme and port changed. */
function patternLookAlikes(rule: Extract<OriginRule, { kind: 'pattern' }>): RefusedOrigin[] {
  const filled = rule.labels.map((l) => (l === '*' ? PATTERN_EXAMPLE_LABEL : l));
  const example = patternWith(rule, filled);
  const url = new URL(example);
  const star = rule.labels.indexOf('*');
  const out: Array<RefusedOrigin | null> = [];
  const make = (kind: LookAlikeKind, labels: readonly string[], protocol = `${rule.scheme}:`, port = rule.port) => withParts(protocol, labels.join('.'), port, kind, rule.source);
  // `*` is one label: two labels, or none, must not match.
  out.push(make('extra-label', [...filled.slice(0, star), 'evil', ...filled.slice(star)]));
  out.push(make('no-label', rule.labels.filter((_, i) => i !== star).map((l) => (l === '*' ? PATTERN_EXAMPLE_LABEL : l))));
  // The fixed part must be whole labels: `evilpreview.app.example` and a suffix must not match.
  const fixed = rule.labels.slice(star + 1);
  out.push(make('prefix', [`evil${fixed[0]}`, ...fixed.slice(1)]));
  out.push(make('suffix', [...filled, 'evil', 'example']));
  if (fixed.length > 1) out.push(make('unescaped-dot', [...filled.slice(0, star + 1), `${fixed[0]}x${fixed[1]}`, ...fixed.slice(2)]));
  out.push(make('scheme', filled, rule.scheme === 'https' ? 'http:' : 'https:'));
  out.push(make('port', filled, `${rule.scheme}:`, url.port === '8443' ? '9443' : '8443'));
  return out.filter((r): r is RefusedOrigin => r !== null);
}

function withParts(protocol: string, hostname: string, port: string, kind: LookAlikeKind, of: string): RefusedOrigin | null {
  try {
    const origin = new URL(`${protocol}//${hostname}${port ? `:${port}` : ''}`).origin;
    return origin === 'null' ? null : { origin, kind, of };
  } catch {
    return null;
  }
}
