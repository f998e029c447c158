/**
 * Secrets on the command line: the redactor every output of a run goes through (text, JSON, SARIF, stderr),
 * unless `--show-secrets` was given. It learns the secrets from the arguments themselves, so even an error about
 * a malformed argument (`-H 'Authorization Bearer x'`, a URL with a password) never prints one back.
 */
import { headerSecrets, Redactor, secretParts, urlSecrets } from '../report/redact.js';

/** `Name: value` (a header argument), or a secret header's name and value without the colon (a typo). */
const HEADER = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*)$/s;
const SECRET_HEADER_TYPO = /^\s*(authorization|proxy-authorization|cookie)\s+(.*)$/is;
/** An option with its value in the same argument: `--header=...`, `-H...`, `--cookie=...`, `-b...`. */
const INLINE = /^(?:--header=|-H|--cookie=|-b)(.+)$/s;
const COOKIE_OPTION = /^(?:--cookie|-b)(?:=?)(.*)$/s;
/** `name=value`, or several joined with `; `: no other whitespace, not an option. */
const COOKIE_LIST = /^[^-=;\s][^=;\s]*=[^;\s]*(?:;\s*[^=;\s]+=[^;\s]*)*$/;

/** The redactor for a run with these arguments; null when the user asked to see secrets. */
export function cliRedactor(argv: readonly string[]): Redactor | null {
  if (argv.includes('--show-secrets')) return null;
  const secrets: string[] = [];
  const hasCookies = argv.some((arg) => COOKIE_OPTION.test(arg));
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    // `--cookie VALUE` / `-b VALUE` / `--cookie=VALUE` / `-bVALUE`: the value is a Cookie header's.
    const cookie = COOKIE_OPTION.exec(raw);
    if (cookie) {
      const value = cookie[1] !== '' ? cookie[1] : argv[i + 1];
      if (value !== undefined) secrets.push(...secretParts('cookie', value.trim()));
      if (cookie[1] === '') i++;
      continue;
    }
    const arg = INLINE.exec(raw)?.[1] ?? raw;
    const header = HEADER.exec(arg) ?? SECRET_HEADER_TYPO.exec(arg);
    if (header) secrets.push(...headerSecrets(header[1], header[2].trim()));
    if (URL.canParse(arg)) secrets.push(...urlSecrets(new URL(arg)));
    // A stray `name=value` on a line with cookies (a --cookie value that lost its option, e.g. after
    // `--cookie ''`): a cookie all the same. Not the value of another option (`--param id=1`).
    else if (!header && hasCookies && !(argv[i - 1] ?? '').startsWith('-') && COOKIE_LIST.test(arg)) secrets.push(...secretParts('cookie', arg));
  }
  return new Redactor(secrets);
}
