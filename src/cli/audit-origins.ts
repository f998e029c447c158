/**
 * The origins `corsproof audit` probes with, derived from the trusted origin: a foreign site, `null`,
 * look-alikes that catch suffix/prefix/regex mistakes, a subdomain, and the other scheme of the same host.
 */

export type ProbeKind = 'trusted' | 'foreign' | 'null' | 'suffix' | 'prefix' | 'unescaped-dot' | 'subdomain' | 'scheme';

export interface ProbeOrigin {
  kind: ProbeKind;
  /** Short human label, e.g. `suffix look-alike`. */
  label: string;
  origin: string;
}

const FOREIGN = 'https://evil.example';
const FOREIGN_FALLBACK = 'https://corsproof-attacker.example';

/** Every probe origin for `trusted`, in the order they are shown. Look-alikes that make no valid URL are left out. */
export function probeOrigins(trusted: string): ProbeOrigin[] {
  const out: ProbeOrigin[] = [{ kind: 'trusted', label: 'your origin', origin: trusted }];
  out.push({ kind: 'foreign', label: 'foreign origin', origin: trusted === FOREIGN ? FOREIGN_FALLBACK : FOREIGN });
  out.push({ kind: 'null', label: 'null origin', origin: 'null' });
  if (trusted === 'null') return out;
  const url = new URL(trusted);
  const host = url.hostname;
  const isIp = /^\d+(\.\d+){3}$/.test(host) || host.startsWith('[');
  const add = (kind: ProbeKind, label: string, hostname: string, protocol = url.protocol) => {
    const origin = withHost(url, hostname, protocol);
    if (origin !== null && origin !== trusted && !out.some((p) => p.origin === origin)) out.push({ kind, label, origin });
  };
  // `origin.endsWith('app.example')`, or a regex without `^`: evilapp.example gets in.
  if (!isIp) add('prefix', 'prefix look-alike', `evil${host}`);
  // `origin.startsWith('https://app.example')`, or a regex without `$`: app.example.evil.example gets in.
  add('suffix', 'suffix look-alike', `${host}.evil.example`);
  // `/app.example/` with the dot unescaped: appXexample matches.
  if (!isIp && host.includes('.')) add('unescaped-dot', 'unescaped-dot look-alike', host.replace('.', 'x'));
  // `*.app.example` trusted: any subdomain (and any XSS on one) can read.
  if (!isIp) add('subdomain', 'subdomain', `evil.${host}`);
  // http: variant of an https: origin: a network attacker can inject script into it.
  if (url.protocol === 'https:') add('scheme', 'http: of your origin', host, 'http:');
  return out;
}

function withHost(base: URL, hostname: string, protocol: string): string | null {
  const port = base.port ? `:${base.port}` : '';
  try {
    const url = new URL(`${protocol}//${hostname}${port}`);
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}
