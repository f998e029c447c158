/**
 * The `corsproof` command: parse, dispatch, print, and map the outcome to an exit code. No `process`
 * access here, so it can run in-process with any streams.
 *
 * Everything printed goes through two steps first: secrets are redacted (unless `--show-secrets`), and text
 * for the terminal has every control character a server (or an argument) sent made visible instead of acted on.
 */
import { CorsproofError, InvalidArgumentError, LocalResourceError, TransportError } from '../errors.js';
import type { Redactor } from '../report/redact.js';
import { escapeForTerminal, escapeTerminal } from '../report/terminal.js';
import { fromUrl } from '../transports/url.js';
import { colorFlag, parseCommand } from './args.js';
import { auditToJson } from '../audit/json.js';
import { auditToSarif } from '../report/audit-sarif.js';
import { auditExitCode, runAudit } from './audit.js';
import { renderAudit } from './audit-render.js';
import { checkExitCode, checkToJson, renderCheck, runCheck } from './check.js';
import { EXIT } from './exit.js';
import { explainExitCode, explainToJson, readExplainInput, renderExplain, runExplain, type InputStream } from './explain.js';
import { forwardingMessage, warnOnForwardedAuthorization } from './forwarded-authorization.js';
import { helpText } from './help.js';
import { createStyle, formatJson, useColor } from './render.js';
import { cliRedactor } from './secrets.js';
import { packageVersion } from './version.js';
import { loadCorsPolicy } from '../policy/load.js';
import { middlewareConfig } from '../policy/middleware-config.js';
import { renderVerify, runVerify, verifyExitCode, verifyToJson } from './verify.js';

export interface CliStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIO {
  stdout: CliStream;
  stderr: CliStream;
  env: Record<string, string | undefined>;
  /** Standard input, read by `explain` when no message is given as argument, and by `audit --urls -`. */
  stdin?: InputStream;
}

/** Run one command line (without `node` and the script path). Resolves with the exit code. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const color = colorFlag(argv);
  const errStyle = createStyle(useColor(io.stderr, io.env, color));
  const redactor = cliRedactor(argv);
  const redact = <T>(value: T): T => (redactor ? redactor.report(value) : value);
  const say = (label: string, message: string): void => {
    io.stderr.write(`${errStyle.red(label)} ${escapeTerminal(redactText(redactor, message))}\n`);
  };
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      io.stdout.write(helpText(command.topic));
      return EXIT.ok;
    }
    if (command.kind === 'version') {
      io.stdout.write(`${packageVersion()}\n`);
      return EXIT.ok;
    }
    if (command.kind === 'config') {
      const policy = await loadCorsPolicy(command.options.policy, { argument: '--policy' });
      io.stdout.write(middlewareConfig(policy, command.options.framework, command.options.policy).code);
      return EXIT.ok;
    }
    const machine = command.options.json || (command.kind === 'audit' && command.options.sarif);
    const style = createStyle(!machine && useColor(io.stdout, io.env, color));
    if (command.kind === 'verify') {
      const policy = await loadCorsPolicy(command.options.policy, { argument: '--policy' });
      const report = await runVerify(command.options, policy);
      io.stdout.write(command.options.json ? formatJson(redact(verifyToJson(report, policy))) : renderVerify(escapeForTerminal(redact(report)), policy, style));
      return verifyExitCode(report);
    }
    if (command.kind === 'explain') {
      // A console message or a HAR file is text from elsewhere: a HAR carries cookies and tokens, and both can
      // carry a server's control bytes.
      const explained = await runExplain(command.options, await readExplainInput(command.options, io.stdin));
      io.stdout.write(command.options.json ? formatJson(redact(explainToJson(explained))) : renderExplain(escapeForTerminal(redact(explained)), style));
      return explainExitCode(explained);
    }
    if (command.kind === 'audit') {
      // Progress goes to stderr as the run goes: each URL redacted and escaped like everything else.
      const report = await runAudit(command.options, io, (text) => escapeTerminal(redactText(redactor, text)));
      const options = command.options;
      if (options.sarif) io.stdout.write(formatJson(redact(auditToSarif(report, { toolVersion: packageVersion() }))));
      else if (options.json) io.stdout.write(formatJson(redact(auditToJson(report))));
      else io.stdout.write(renderAudit(escapeForTerminal(redact(report)), options, style));
      return auditExitCode(report, options.failOn);
    }
    const options = command.options;
    const transport = fromUrl(options.url, { timeoutMs: options.timeoutMs });
    const warned = warnOnForwardedAuthorization(transport, {
      url: options.url,
      headers: options.headers,
      engines: options.engines,
      warn: (target, keeping, dropping) => say('corsproof:', forwardingMessage(target, keeping, dropping)),
    });
    const report = await runCheck(options, warned);
    io.stdout.write(options.json ? formatJson(redact(checkToJson(report))) : renderCheck(escapeForTerminal(redact(report)), style));
    return checkExitCode(report);
  } catch (error) {
    if (error instanceof LocalResourceError) {
      say('corsproof:', `${error.message} No CORS decision was made (exit code ${EXIT.unreachable}).`);
      return EXIT.unreachable;
    }
    if (error instanceof InvalidArgumentError || (error instanceof CorsproofError && !(error instanceof TransportError))) {
      say('corsproof:', error.message);
      return EXIT.usage;
    }
    if (error instanceof TransportError) {
      say('corsproof:', error.message);
      return EXIT.unreachable;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    // The stack keeps its lines; each is made safe on its own.
    const lines = redactText(redactor, detail).split('\n').map(escapeTerminal).join('\n');
    io.stderr.write(`${errStyle.red('corsproof: internal error')} (a bug in corsproof; please report it with this output)\n${lines}\n`);
    return EXIT.internal;
  }
}

function redactText(redactor: Redactor | null, text: string): string {
  return redactor ? redactor.text(text) : text;
}
