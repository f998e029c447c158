/**
 * Secrets on the command line: the redactor every output of a run goes through (text, JSON, SARIF, stderr),
 * unless `--show-secrets` was given. It learns the secrets from the arguments themselves, so even an error about
 * a malformed argument (`-H 'Authorization Bearer x'`, a URL with a password) never prints one back.
 */
import { headerSecrets, Redactor, secretParts, urlSecrets } from '../report/redact.js';
import { AUDIT_OPTIONS } from './audit-args.js';

/** `Name: value` (a header argument), or a secret header's name and value without the colon (a typo). */
const HEADER = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*)$/s;
const SECRET_HEADER_TYPO = /^\s*(authorization|proxy-authorization|cookie)\s+(.*)$/is;
/** An option with its value in the same argument: `--header=...`, `-H...`, `--cookie=...`, `-b...`. */
const INLINE = /^(?:--header=|-H|--cookie=|-b)(.+)$/s;
const COOKIE_OPTION = /^(?:--cookie|-b)(?:=?)(.*)$/s;
/** `audit`'s options that take no value (`--cookie` is `audit`'s): `--json`, `-k`, ... */
const FLAGS: ReadonlySet<string> = new Set(
  Object.entries(AUDIT_OPTIONS).flatMap(([name, option]) => (option.type === 'boolean' ? [`--${name}`, ...('short' in option ? [`-${option.short}`] : [])] : [])),
);

/** Whether `argv[i]` (after the command) is a positional argument: not an option, and not an option's value. */
function isPositional(argv: readonly string[], i: number): boolean {
  if (i === 0 || argv[i].startsWith('-')) return false;
  if (argv.slice(1, i).includes('--')) return true;
  const previous = argv[i - 1];
  // After a value, a flag, an option with its value inline (`--x=1`, `-bVALUE`), or the command.
  return i === 1 || !previous.startsWith('-') || FLAGS.has(previous) || previous.includes('=') || /^-[^-]./.test(previous);
}

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
    // A stray argument on a line with cookies, where a URL belongs but none is (`--cookie "" token`, `--cookie a
    // b=token`: a cookie that lost its option or its quotes): a cookie all the same, however it looks. It only
    // ever reaches an error message, which names it redacted.
    else if (!header && hasCookies && isPositional(argv, i)) secrets.push(...secretParts('cookie', arg.trim()));
  }
  return new Redactor(secrets);
}
