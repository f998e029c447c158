/**
 * Secrets on the command line: the redactor every output of a run goes through (text, JSON, stderr), unless
 * `--show-secrets` was given. It learns the secrets from the arguments themselves, so even an error about a
 * malformed argument (`-H 'Authorization Bearer x'`, a URL with a password) never prints one back.
 */
import { Redactor, secretParts, urlSecrets } from '../report/redact.js';

const SECRET_HEADER = /^\s*(authorization|proxy-authorization|cookie)\s*:?\s*(.*)$/is;
const HEADER_OPTION = /^(?:-H|--header)=?(.*)$/s;

/** The redactor for a run with these arguments; null when the user asked to see secrets. */
export function cliRedactor(argv: readonly string[]): Redactor | null {
  if (argv.includes('--show-secrets')) return null;
  const secrets: string[] = [];
  for (const raw of argv) {
    const arg = HEADER_OPTION.exec(raw)?.[1] ?? raw;
    const header = SECRET_HEADER.exec(arg);
    if (header) {
      secrets.push(...secretParts(header[1], header[2].trim()));
      continue;
    }
    if (URL.canParse(arg)) secrets.push(...urlSecrets(new URL(arg)));
  }
  return new Redactor(secrets);
}
