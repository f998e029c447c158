/**
 * The audit's redactor: src/report/redact.ts's `Redactor`, told every secret an audit run carries: the parts of
 * the Cookie and Authorization headers the user passes, the values of other credential-looking headers
 * (`X-Api-Key`, `X-Auth-Token`, ...), and the credentials of every endpoint URL (`urlSecrets`).
 */
import { Redactor, secretParts, urlSecrets } from '../report/redact.js';

/** Header names whose whole value is a credential, besides the ones redact.ts knows by format. */
const CREDENTIAL_NAME = /token|secret|passw|api-?key|session|credential|auth/i;

export function auditRedactor(headers: ReadonlyArray<readonly [string, string]>, urls: readonly string[]): Redactor {
  const secrets: string[] = [];
  for (const [name, value] of headers) {
    const parts = secretParts(name, value);
    secrets.push(...(parts.length > 0 ? parts : CREDENTIAL_NAME.test(name) && !/^access-control-/i.test(name) ? [value.trim()] : []));
  }
  for (const raw of urls) if (URL.canParse(raw)) secrets.push(...urlSecrets(new URL(raw)));
  return new Redactor(secrets);
}
