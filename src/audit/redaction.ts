/**
 * The audit's redactor: src/report/redact.ts's `Redactor`, told every secret an audit run carries: the parts of
 * the Cookie and Authorization headers the user passes, the values of other credential-looking headers
 * (`X-Api-Key`, `X-Auth-Token`, ...), and the user names and passwords of every endpoint URL.
 */
import { Redactor, secretParts } from '../report/redact.js';

/** Header names whose whole value is a credential, besides the ones redact.ts knows by format. */
const CREDENTIAL_NAME = /token|secret|passw|api-?key|session|credential|auth/i;

export function auditRedactor(headers: ReadonlyArray<readonly [string, string]>, urls: readonly string[]): Redactor {
  const secrets: string[] = [];
  for (const [name, value] of headers) {
    const parts = secretParts(name, value);
    secrets.push(...(parts.length > 0 ? parts : CREDENTIAL_NAME.test(name) && !/^access-control-/i.test(name) ? [value.trim()] : []));
  }
  for (const raw of urls) {
    try {
      const url = new URL(raw);
      for (const part of [url.username, url.password]) {
        if (part === '') continue;
        secrets.push(part);
        try {
          secrets.push(decodeURIComponent(part));
        } catch {
          // A malformed escape: the part as written is enough.
        }
      }
    } catch {
      // Not a URL: nothing to learn from it.
    }
  }
  return new Redactor(secrets);
}
