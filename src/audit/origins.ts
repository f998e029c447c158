/**
 * The origins the audit probes with, derived from the trusted origins: a foreign site, `null`, look-alikes
 * that catch suffix/prefix/substring/regex mistakes, a subdomain, the other scheme, parser-confusion
 * variants (special characters after the trusted host, percent-encoded forms) and third-party hosting sites.
 */
import type { OriginKind } from './types.js';
import { THIRD_PARTY_ORIGINS } from './third-party.js';

export interface ProbeOrigin {
  kind: OriginKind;
  origin: string;
  /** The trusted origin it is derived from (absent for foreign, null, third-party). */
  basis?: string;
  /** The inserted character(s), for special-char and percent-encoded probes. */
  variant?: string;
  /** A browser following the URL Standard can send exactly this Origin. */
  sendable: boolean;
}

export const FOREIGN_ORIGIN = 'https://evil.example';
const FOREIGN_FALLBACK = 'https://corsproof-attacker.example';
/** The attacker's domain the look-alikes end in. */
const EVIL = 'evil.example';

/**
 * The characters scanners put after the trusted host (`https://app.example_.evil.example`): a server whose
 * origin check ends the host at one of them (a hand-written parser, a regex like `[a-z0-9.]+`) trusts the
 * attacker's domain. The URL Standard's host parser accepts all but `|` and `^` in a domain, so a browser
 * that follows it sends such an Origin as is; `|` and `^` are probed too (scanners try them), marked unsendable.
 */
export const SPECIAL_CHARACTERS: readonly string[] = ['_', '-', '"', '{', '}', '+', '!', '~', '`', ';', '&', "'", '(', ')', '*', ',', '$', '=', '|', '^'];

/** Percent-encoded forms: no browser sends a `%` in an Origin's host, a lenient server may still decode them. */
export const PERCENT_ENCODED: readonly string[] = ['%60', '%2e', '%5f', '%0b'];

/** Can a browser (URL Standard) send exactly `origin`? */
export function isSendableOrigin(origin: string): boolean {
  if (origin === 'null') return true;
  try {
    return new URL(origin).origin === origin;
  } catch {
    return false;
  }
}

function isIpHost(host: string): boolean {
  return /^\d+(\.\d+){3}$/.test(host) || host.startsWith('[');
}

/**
 * Every probe origin for the trusted origins, in the order they are shown. Duplicates and origins equal to
 * a trusted origin are left out; `thirdParty` replaces the built-in hosting list when given, `extraThirdParty`
 * adds to it.
 */
export function probeOrigins(trusted: readonly string[], extraThirdParty: readonly string[] = []): ProbeOrigin[] {
  const out: ProbeOrigin[] = [];
  const seen = new Set<string>();
  const add = (p: Omit<ProbeOrigin, 'sendable'> & { sendable?: boolean }) => {
    if (seen.has(p.origin)) return;
    if (p.kind !== 'trusted' && trusted.includes(p.origin)) return;
    seen.add(p.origin);
    out.push({ ...p, sendable: p.sendable ?? isSendableOrigin(p.origin) });
  };
  for (const t of trusted) add({ kind: 'trusted', origin: t, basis: t });
  add({ kind: 'foreign', origin: trusted.includes(FOREIGN_ORIGIN) ? FOREIGN_FALLBACK : FOREIGN_ORIGIN });
  add({ kind: 'null', origin: 'null' });
  for (const t of trusted) {
    if (t === 'null') continue;
    const url = new URL(t);
    const host = url.hostname;
    const ip = isIpHost(host);
    const port = url.port ? `:${url.port}` : '';
    const make = (hostname: string, protocol = url.protocol) => `${protocol}//${hostname}${port}`;
    const derived = (kind: OriginKind, origin: string | null, variant?: string) => {
      if (origin !== null) add({ kind, origin, basis: t, ...(variant === undefined ? {} : { variant }) });
    };
    // The registrable part, roughly: the last two labels (`app.example.com` -> `example.com`).
    const site = host.split('.').slice(-2).join('.');
    // `origin.endsWith('example.com')`, or a regex without `^`: evilexample.com, a domain anyone can register, gets in.
    if (!ip) derived('prefix', valid(make(`evil${site}`)));
    // `origin.startsWith('https://app.example')`, or a regex without `$`: app.example.evil.example gets in.
    derived('suffix', valid(make(`${host}.${EVIL}`)));
    // `/app.example/` with the dot unescaped: appxexample matches.
    if (!ip && host.includes('.')) derived('unescaped-dot', valid(make(host.replace('.', 'x'))));
    // `trusted.includes(origin)` / `indexOf(origin) >= 0` on a string: any substring of the trusted origin gets in.
    if (!ip && host.length > 3) {
      derived('include', valid(make(host.slice(0, -1))));
      if (site.includes('.')) derived('include', valid(make(site.slice(1))));
    }
    // `*.app.example` trusted: any subdomain (and any XSS or takeover on one) can read.
    if (!ip) derived('subdomain', valid(make(`evil.${host}`)));
    // The http: variant of an https: origin: a network attacker can inject script into it.
    if (url.protocol === 'https:') derived('scheme', valid(make(host, 'http:')));
    // Parser confusion: a character after the trusted host, then the attacker's domain.
    if (!ip) {
      for (const c of SPECIAL_CHARACTERS) {
        derived('special-char', `${url.protocol}//${host}${c}.${EVIL}${port}`, c);
      }
      for (const p of PERCENT_ENCODED) derived('percent-encoded', `${url.protocol}//${host}${p}.${EVIL}${port}`, p);
    }
  }
  for (const origin of [...THIRD_PARTY_ORIGINS, ...extraThirdParty]) add({ kind: 'third-party', origin });
  return out;
}

function valid(origin: string): string | null {
  try {
    const parsed = new URL(origin);
    return parsed.origin === 'null' ? null : parsed.origin;
  } catch {
    return null;
  }
}
