/**
 * What Chromium, Firefox and WebKit did with 84 response heads off the HTTP/1.1 grammar
 * (test/conformance/probes/heads/, recorded by scripts/conformance/probes/heads.ts): status lines, header lines and
 * line ends, conflicting body framing, interim responses, content codings. Replayed through the emulator over real
 * sockets against the same raw TCP server: each engine must resolve or reject as recorded, with the recorded
 * status, status text, readable headers and body, or a failing body read where the browser's failed.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAD_CASES, startHeadsApi, type HeadsApi } from '../../scripts/conformance/probes/heads-api.js';
import { simulate, simulateEngines } from '../../src/simulate.js';
import { fixSentence } from '../../src/report/describe.js';
import { fromUrl } from '../../src/transports/index.js';
import type { EngineName, Verdict } from '../../src/types.js';

interface Probe {
  outcome: 'allowed' | 'rejected';
  status?: number;
  statusText?: string;
  headers?: Array<[string, string]>;
  body?: string;
  bodyError?: string;
  error?: string;
}
interface Recording {
  engine: EngineName;
  result: Record<string, Probe>;
}

const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
const load = (engine: string) => JSON.parse(readFileSync(new URL(`probes/heads/results-${engine}.json`, import.meta.url), 'utf8')) as Recording;
const ORIGIN = 'http://127.0.0.1:1';

let api: HeadsApi;
beforeAll(async () => {
  api = await startHeadsApi();
});
afterAll(async () => {
  await api.close();
});

/** A verdict as the probe page saw it: whether fetch() resolved, and what script read. */
function asSeen(verdict: Verdict): Probe {
  if (!verdict.allowed) return { outcome: 'rejected' };
  const response = verdict.response!;
  const seen: Probe = { outcome: 'allowed', status: response.status, statusText: response.statusText, headers: Object.entries(response.headers).sort() };
  if (response.bodyError !== undefined) seen.bodyError = 'failed';
  else seen.body = response.text();
  return seen;
}

/** The recording in the same terms (headers sorted by name, a body read's error as `failed`). */
function recorded(probe: Probe): Probe {
  if (probe.outcome === 'rejected') return { outcome: 'rejected' };
  const seen: Probe = { outcome: 'allowed', status: probe.status, statusText: probe.statusText, headers: [...(probe.headers ?? [])].sort() };
  if (probe.bodyError !== undefined) seen.bodyError = 'failed';
  else seen.body = probe.body;
  return seen;
}

describe.each(ENGINES)('%s: the recorded response heads', (engine) => {
  const recording = load(engine);

  it('was recorded in this engine, for every case the server has', () => {
    expect(recording.engine).toBe(engine);
    expect(Object.keys(recording.result).sort()).toEqual(Object.keys(HEAD_CASES).sort());
  });

  it.each(Object.keys(HEAD_CASES))('%s', async (name) => {
    const verdict = await simulate({ url: `${api.url}/head/${name}`, origin: ORIGIN, cache: 'no-store' }, { transport: fromUrl(api.url, { timeoutMs: 5_000 }), engine });
    expect(asSeen(verdict)).toEqual(recorded(recording.result[name]));
    if (!verdict.allowed && verdict.reason?.code === 'NetworkError') {
      // Not a CORS failure: no CORS header to send fixes it; the fix sentence says what to change instead.
      expect(verdict.reason?.fix).toBeNull();
      expect(fixSentence(verdict)).not.toBe('');
    }
  });
});

describe('one exchange, read by each engine', () => {
  it('a head the engines read differently goes on the wire once, and each engine judges its own reading', async () => {
    let requests = 0;
    const counting = fromUrl(api.url, { timeoutMs: 5_000 });
    const transport = { name: 'counting', baseUrl: api.url, send: (wire: Parameters<typeof counting.send>[0], context: Parameters<typeof counting.send>[1]) => (requests++, counting.send(wire, context)) };
    const [chromium, firefox, webkit] = await simulateEngines({ url: `${api.url}/head/space-before-colon-acao`, origin: ORIGIN }, { transport });
    expect(requests).toBe(1);
    // Chromium reads `Access-Control-Allow-Origin : *` as the header; Firefox and WebKit drop the line.
    expect(chromium.allowed).toBe(true);
    expect([firefox.reason?.code, webkit.reason?.code]).toEqual(['MissingAllowOriginHeader', 'MissingAllowOriginHeader']);
  });

  it("the standard's profile keeps the transport's reading", async () => {
    const verdict = await simulate({ url: `${api.url}/head/obs-fold-tab`, origin: ORIGIN }, { transport: fromUrl(api.url), engine: 'spec' });
    expect(verdict.response?.headers['x-a']).toBe('1\t2');
  });
});
