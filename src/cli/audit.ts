/**
 * `corsproof audit`: a shell over the library's `audit()`. Gathers the endpoints (URLs, `--urls FILE|-`,
 * `--openapi FILE`), runs the audit, prints text, JSON or SARIF, and maps findings to an exit code.
 */
import { readFile } from 'node:fs/promises';
import { audit } from '../audit/audit.js';
import { auditToJson } from '../audit/json.js';
import { auditToSarif } from '../report/audit-sarif.js';
import { atLeast, type AuditReport } from '../audit/types.js';
import { InvalidArgumentError } from '../errors.js';
import { openApiEndpoints } from '../audit/openapi.js';
import { loadOpenApiDocument, openApiRoutes } from '../openapi/document.js';
import type { AuditCliOptions } from './audit-args.js';
import { parseAuditUrl } from './audit-args.js';
import { renderAudit } from './audit-render.js';
import { parseTargetUrl } from './args.js';
import { EXIT } from './exit.js';
import { createStyle, formatJson, useColor } from './render.js';
import type { CliIO } from './run.js';
import { packageVersion } from './version.js';

type EndpointInput = { url: string; methods?: string[] };

async function readStream(stream: AsyncIterable<string | Uint8Array>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
  return text;
}

/** URLs from a file or stdin: one a line; blank lines and `#` comments skipped. */
async function urlList(file: string, io: CliIO): Promise<EndpointInput[]> {
  let text: string;
  if (file === '-') {
    if (!io.stdin) throw new InvalidArgumentError('--urls', 'stdin is not available', 'Pass a file instead: --urls urls.txt.');
    text = await readStream(io.stdin);
  } else {
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new InvalidArgumentError('--urls', `cannot read '${file}' (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'Pass a file with one URL a line, or - for stdin.');
    }
  }
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  return lines.map((line, i) => ({ url: parseAuditUrl(line, `--urls line ${i + 1}`, parseTargetUrl) }));
}

async function endpoints(options: AuditCliOptions, io: CliIO): Promise<EndpointInput[]> {
  const out: EndpointInput[] = options.urls.map((url) => ({ url }));
  if (options.urlsFile !== null) out.push(...(await urlList(options.urlsFile, io)));
  if (options.openapi !== null) {
    const doc = openApiRoutes(await loadOpenApiDocument(options.openapi, '--openapi'));
    out.push(...openApiEndpoints(doc, options.baseUrl));
  }
  if (out.length === 0) throw new InvalidArgumentError(options.urlsFile !== null ? '--urls' : 'url', 'no URL to audit', 'Give at least one http(s) URL.');
  return out;
}

/** `color`: --color / --no-color, when given (they win over the environment). */
export async function runAuditCommand(options: AuditCliOptions, io: CliIO, color?: boolean): Promise<number> {
  const list = await endpoints(options, io);
  const progress = io.stderr.isTTY === true && !options.json && !options.sarif && list.length > 1;
  const report: AuditReport = await audit(list[0].url, {
    origin: options.origins,
    endpoints: list.map((e) => (e.methods ? { url: e.url, methods: e.methods } : e.url)),
    method: options.methods,
    headers: options.headers,
    sendUnsafe: options.sendUnsafe,
    thirdPartyOrigins: options.thirdParty,
    websocket: options.websocket ? true : 'auto',
    timeoutMs: options.timeoutMs,
    concurrency: options.concurrency,
    delayMs: options.delayMs,
    insecure: options.insecure,
    ...(progress ? { onProgress: ({ done, total, url }: { done: number; total: number; url: string }) => io.stderr.write(`\r\u001b[2K  audited ${done}/${total}  ${url}`) } : {}),
  });
  if (progress) io.stderr.write('\r\u001b[2K');
  if (options.sarif) io.stdout.write(`${JSON.stringify(auditToSarif(report, { toolVersion: packageVersion() }), null, 2)}\n`);
  else if (options.json) io.stdout.write(formatJson(auditToJson(report)));
  else io.stdout.write(renderAudit(report, options, createStyle(useColor(io.stdout, io.env, color))));
  return auditExitCode(report, options.failOn);
}

/** 1 with a finding at `failOn` or above, else 3 when an endpoint could not be reached, else 0. */
export function auditExitCode(report: AuditReport, failOn: AuditCliOptions['failOn']): number {
  if (report.endpoints.some((e) => e.findings.some((f) => atLeast(f.severity, failOn)))) return EXIT.findings;
  if (report.unreachable > 0) return EXIT.unreachable;
  return EXIT.ok;
}
