/**
 * IP address spaces, after the Local Network Access draft (https://wicg.github.io/local-network-access/): `public`,
 * `local` (private networks) and `loopback` (the machine itself), from the least private to the most.
 * (Chromium calls them public, local and loopback; Firefox public, private and local.)
 */
import { parseUrl } from './url.js';
export type AddressSpace = 'public' | 'local' | 'loopback';

const RANK: Record<AddressSpace, number> = { public: 0, local: 1, loopback: 2 };

/** https://wicg.github.io/local-network-access/#local-network-request — the resource is more private than the client. */
export function isMorePrivate(resource: AddressSpace, client: AddressSpace): boolean {
  return RANK[resource] > RANK[client];
}

function ipv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

/**
 * The address space of an IP address or host name as far as its text tells
 * (https://wicg.github.io/local-network-access/#ip-address-space, with the IANA special-purpose registries):
 * loopback for 127.0.0.0/8, ::1 and `localhost`; local for 10/8, 172.16/12, 192.168/16, 169.254/16, 100.64/10,
 * fc00::/7 and fe80::/10; public for every other address. A host name says nothing about where it resolves: it is
 * public unless `overrides` (by origin or host) says otherwise.
 */
export function addressSpaceOf(url: string, overrides?: Readonly<Record<string, AddressSpace>>): AddressSpace {
  const parsed = parseUrl(url);
  const byOrigin = overrides?.[parsed.origin] ?? overrides?.[parsed.host] ?? overrides?.[parsed.hostname];
  if (byOrigin) return byOrigin;
  const host = parsed.hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  const v4 = ipv4(host);
  if (v4) {
    const [a, b] = v4;
    if (a === 127) return 'loopback';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)) return 'local';
    return 'public';
  }
  if (host.startsWith('[')) {
    const v6 = host.slice(1, -1);
    if (v6 === '::1') return 'loopback';
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
    if (mapped) return addressSpaceOf(`http://${mapped[1]}/`);
    if (/^f[cd]/.test(v6) || /^fe[89ab]/.test(v6)) return 'local';
  }
  return 'public';
}
