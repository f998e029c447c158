/**
 * The `corsproof` command: parse, dispatch, print, and map the outcome to an exit code. No `process`
 * access here, so it can run in-process with any streams.
 */
import { CorsproofError, InvalidArgumentError, TransportError } from '../errors.js';
import { fromUrl } from '../transports/url.js';
import { colorFlag, parseCommand } from './args.js';
import { runAuditCommand } from './audit.js';
import { checkExitCode, checkToJson, renderCheck, runCheck } from './check.js';
import { EXIT } from './exit.js';
import { explainExitCode, explainToJson, readExplainInput, renderExplain, runExplain, type InputStream } from './explain.js';
import { helpText } from './help.js';
import { createStyle, formatJson, useColor } from './render.js';
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
    if (command.kind === 'audit') return await runAuditCommand(command.options, io, color);
    const style = createStyle(!command.options.json && useColor(io.stdout, io.env, color));
    if (command.kind === 'verify') {
      const policy = await loadCorsPolicy(command.options.policy, { argument: '--policy' });
      const report = await runVerify(command.options, policy);
      io.stdout.write(command.options.json ? formatJson(verifyToJson(report, policy)) : renderVerify(report, policy, style));
      return verifyExitCode(report);
    }
    if (command.kind === 'explain') {
      const explained = await runExplain(command.options, await readExplainInput(command.options, io.stdin));
      io.stdout.write(command.options.json ? formatJson(explainToJson(explained)) : renderExplain(explained, style));
      return explainExitCode(explained);
    }
    const transport = fromUrl(command.options.url, { timeoutMs: command.options.timeoutMs });
    const report = await runCheck(command.options, transport);
    io.stdout.write(command.options.json ? formatJson(checkToJson(report)) : renderCheck(report, style));
    return checkExitCode(report);
  } catch (error) {
    if (error instanceof InvalidArgumentError || (error instanceof CorsproofError && !(error instanceof TransportError))) {
      io.stderr.write(`${errStyle.red('corsproof:')} ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof TransportError) {
      io.stderr.write(`${errStyle.red('corsproof:')} ${error.message}\n`);
      return EXIT.unreachable;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`${errStyle.red('corsproof: internal error')} (a bug in corsproof; please report it with this output)\n${detail}\n`);
    return EXIT.internal;
  }
}
