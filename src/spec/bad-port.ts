/**
 * Port blocking: https://fetch.spec.whatwg.org/#port-blocking
 * "A port is a bad port if it is listed in the first column of the following table." (Ports of services a page
 * must not reach: SMTP, IRC, SIP, ...)
 */
import { derive, urlFact } from './url.js';
const BAD_PORTS = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/**
 * https://fetch.spec.whatwg.org/#block-bad-port — "1. Let url be request's current URL. 2. If url's scheme is an
 * HTTP(S) scheme and url's port is a bad port, then return blocked. 3. Return allowed."
 */
export function isBlockedBadPort(url: string): boolean {
  return derive(url, BAD_PORT);
}

const BAD_PORT = urlFact(hasBadPort);

function hasBadPort(parsed: Readonly<URL>): boolean {
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const port = parsed.port === '' ? (parsed.protocol === 'https:' ? 443 : 80) : Number(parsed.port);
  return BAD_PORTS.has(port);
}
