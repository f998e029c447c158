/**
 * `corsproof audit`: a shell over the library's `audit()`. Gathers the endpoints (URLs, `--urls FILE|-`,
 * `--openapi FILE`), runs the audit, and maps findings to an exit code; src/cli/run.ts prints the report (text,
 * JSON or SARIF), redacted and escaped like every command's.
 */
import { readFile } from 'node:fs/promises';
import { audit } from '../audit/audit.js';
import { atLeast, type AuditReport } from '../audit/types.js';
import { InvalidArgumentError } from '../errors.js';
import { openApiEndpoints } from '../audit/openapi.js';
import { loadOpenApiDocument, openApiRoutes } from '../openapi/document.js';
import type { AuditCliOptions } from './audit-args.js';
import { parseAuditUrl } from './audit-args.js';
import { parseTargetUrl } from './args.js';
import { EXIT } from './exit.js';
import type { CliIO } from './run.js';

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

/**
 * Gather the endpoints and audit them. `safe` makes a progress line safe to print (redacted, escaped); the
 * caller prints the report, through the same redaction and escaping as every other command's.
 */
export async function runAudit(options: AuditCliOptions, io: CliIO, safe: (text: string) => string = (text) => text): Promise<AuditReport> {
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
    showSecrets: options.showSecrets,
    ...(progress ? { onProgress: ({ done, total, url }: { done: number; total: number; url: string }) => io.stderr.write(`\r\u001b[2K  audited ${done}/${total}  ${safe(url)}`) } : {}),
  });
  if (progress) io.stderr.write('\r\u001b[2K');
  return report;
}

/** 1 with a finding at `failOn` or above, else 3 when an endpoint could not be reached, else 0. */
export function auditExitCode(report: AuditReport, failOn: AuditCliOptions['failOn']): number {
  if (report.endpoints.some((e) => e.findings.some((f) => atLeast(f.severity, failOn)))) return EXIT.findings;
  if (report.unreachable > 0) return EXIT.unreachable;
  return EXIT.ok;
}
