/**
 * `corsproof explain`: a console message (arguments, a file, or standard input) or a HAR file, explained.
 * Exit 0 when every message was recognised (HAR: no replayed request is blocked), 1 otherwise.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { InvalidArgumentError } from '../errors.js';
import { explain, type Explanation } from '../explain/index.js';
import { formatHarExplanation, formatMessageExplanation } from '../report/explain-text.js';
import type { ExplainOptions } from './args.js';
import { EXIT } from './exit.js';
import type { Style } from './render.js';

/** Where the input comes from when it is piped. */
export type InputStream = AsyncIterable<string | Uint8Array> & { isTTY?: boolean };

const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export async function readExplainInput(options: ExplainOptions, stdin: InputStream | undefined): Promise<string> {
  if (options.file !== undefined) return readFile(options.file);
  if (options.text !== undefined) {
    const text = options.text;
    // One argument naming an existing file: read it (a HAR, or saved console text).
    if (!/\s/.test(text) && existsSync(text) && statSync(text).isFile()) return readFile(text);
    if (/\.har$/i.test(text) && !/\s/.test(text)) {
      throw new InvalidArgumentError('file', `'${text}' does not exist`, 'Give the path of the HAR file the Network panel saved.');
    }
    return text;
  }
  if (!stdin || stdin.isTTY) {
    throw new InvalidArgumentError('input', 'none given', "Paste the console line in quotes (corsproof explain \"Access to fetch at ...\"), pipe it in (pbpaste | corsproof explain), or pass a HAR with --har file.har.");
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += buffer.length;
    if (size > MAX_INPUT_BYTES) throw new InvalidArgumentError('input', `more than ${MAX_INPUT_BYTES / 1024 / 1024} MiB on standard input`, 'Pass a HAR file with --har, or only the console lines.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function readFile(file: string): string {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new InvalidArgumentError('file', `'${file}' does not exist or is not a file`, 'Give the path of the HAR file (or saved console text).');
  }
  if (statSync(file).size > MAX_INPUT_BYTES) {
    throw new InvalidArgumentError('file', `'${file}' is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`, 'Export a HAR of the page load that fails only.');
  }
  return readFileSync(file, 'utf8');
}

export async function runExplain(options: ExplainOptions, input: string): Promise<Explanation> {
  if (options.file !== undefined && !/^\s*\{/.test(input)) {
    throw new InvalidArgumentError('--har', `'${options.file}' is not a HAR (it does not start with '{')`, 'Pass the file the Network panel saved with "Save all as HAR", or pass console text without --har.');
  }
  return explain(input, { engines: options.engines, timeoutMs: options.timeoutMs, ...(options.origin ? { origin: options.origin } : {}) });
}

export function explainExitCode(explained: Explanation): number {
  if (explained.kind === 'messages') return explained.messages.every((m) => m.certain) ? EXIT.ok : EXIT.findings;
  return explained.requests.every((r) => r.complete && r.verdicts.every((v) => v.allowed)) ? EXIT.ok : EXIT.findings;
}

export function renderExplain(explained: Explanation, style: Style): string {
  if (explained.kind === 'har') return `${formatHarExplanation(explained, style)}\n`;
  return `${explained.messages.map((m) => formatMessageExplanation(m, style)).join('\n\n')}\n`;
}

/** The JSON form: the explanation as data, verdicts reduced to what they say (no bodies). */
export function explainToJson(explained: Explanation): unknown {
  if (explained.kind === 'messages') return explained;
  return {
    ...explained,
    requests: explained.requests.map((r) => ({
      ...r,
      verdicts: r.verdicts.map(({ verdict, ...rest }) => ({ ...rest, exchanges: verdict.exchanges.map((e) => ({ kind: e.kind, method: e.request.method, url: e.request.url, status: e.response?.status })) })),
    })),
  };
}
