/**
 * What Chromium, Firefox and WebKit did with a hostile server and careless script
 * (test/conformance/probes/hostile/, recorded by scripts/conformance/probes/hostile.ts), replayed through the
 * emulator over real sockets against the same raw TCP server: the largest response head each accepts, control
 * bytes in request header values (sent as they are, preflighted), in response header values and status texts
 * (readable, NUL aside), URLs with credentials (refused, nothing sent), and 6 connections per host.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHostileApi, probeLine, type HostileApi } from '../../scripts/conformance/probes/hostile-api.js';
import { fixSentence } from '../../src/report/describe.js';
import { simulate } from '../../src/simulate.js';
import { ENGINES } from '../../src/engines/index.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { fromUrl } from '../../src/transports/index.js';
import type { CorsRequest, EngineName, Verdict } from '../../src/types.js';

interface Probe {
  outcome: 'allowed' | 'rejected';
  status?: number;
  statusText?: string;
  headers?: Array<[string, string]>;
  error?: string;
  received?: Array<{ method: string; header?: string | null; authorization?: boolean }>;
}
interface Recording {
  engine: EngineName;
  result: {
    sizes: Record<'one' | 'many', { largestAllowed: number; smallestBlocked: number }>;
    requestValues: Record<string, Probe>;
    safelistedValues: Record<string, Probe>;
    responseValues: Record<string, Probe>;
    allowOrigin: Record<string, Probe>;
    statusText: Record<string, Probe>;
    credentialsInUrl: Probe;
    credentialsInUrlUserOnly: Probe;
    connections: { fetches: number; allowed: number; maxInFlight: number };
  };
}

const ORIGIN = 'https://app.example';
const load = (engine: string) =>
  JSON.parse(readFileSync(new URL(`probes/hostile/results-${engine}.json`, import.meta.url), 'utf8')) as Recording;

let api: HostileApi;
beforeAll(async () => {
  api = await startHostileApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.received.clear();
});

/** The emulator's outcome in the recording's terms; a typed error up front counts as fetch() throwing. */
async function run(engine: EngineName, request: Omit<CorsRequest, 'origin'>): Promise<{ outcome: 'allowed' | 'rejected'; verdict?: Verdict; error?: unknown }> {
  try {
    const verdict = await simulate({ origin: ORIGIN, ...request }, { transport: fromUrl(api.url, { timeoutMs: 5_000 }), engine });
    return { outcome: verdict.allowed ? 'allowed' : 'rejected', verdict };
  } catch (error) {
    return { outcome: 'rejected', error };
  }
}

/** A received request as the recording keeps it: method, and the probe header line with its name lower-cased. */
function wireOf(key: string): Array<{ method: string; header: string | null }> {
  return (api.received.get(key) ?? []).map((r) => ({ method: r.method, header: lowerName(probeLine(r)) }));
}
function lowerName(line: string | null | undefined): string | null {
  if (line === null || line === undefined) return null;
  const colon = line.indexOf(':');
  return `${line.slice(0, colon).toLowerCase()}${line.slice(colon)}`;
}
const readable = (probe: Probe) => probe.headers?.find(([n]) => n === 'x-probe')?.[1];

describe.each(['chromium', 'firefox', 'webkit'] as const)('%s: the recorded hostile probe', (engine) => {
  const recording = load(engine);
  const result = recording.result;

  it('was recorded in this engine', () => {
    expect(recording.engine).toBe(engine);
  });

  it('accepts a response head up to the recorded limit, one byte more is a network error', async () => {
    for (const kind of ['one', 'many'] as const) {
      const { largestAllowed, smallestBlocked } = result.sizes[kind];
      expect(smallestBlocked).toBe(largestAllowed + 1);
      expect(ENGINES[engine].maxResponseHeadBytes).toBe(largestAllowed);
      const under = await run(engine, { url: `${api.url}/size/${kind}/${largestAllowed}` });
      expect(under.outcome, `${kind} ${largestAllowed}`).toBe('allowed');
      const over = await run(engine, { url: `${api.url}/size/${kind}/${smallestBlocked}` });
      expect(over.verdict?.reason?.code, `${kind} ${smallestBlocked}`).toBe('NetworkError');
      expect(fixSentence(over.verdict!)).toContain(`${ENGINES[engine].label} reads at most`);
    }
  });

  it('sends request header values byte for byte as recorded, after the same preflight; NUL, CR and LF are refused up front', async () => {
    for (const [group, field, name] of [['reqbyte', 'requestValues', 'x-probe'], ['safe', 'safelistedValues', 'accept']] as const) {
      for (const [key, probe] of Object.entries(result[field])) {
        const value = key === 'whitespace' ? ' \ta b\t ' : `a${String.fromCharCode(parseInt(key, 16))}b`;
        const got = await run(engine, { url: `${api.url}/${group}/${key}`, headers: [[name, value]] });
        expect(got.outcome, `${group} ${key}`).toBe(probe.outcome);
        if (probe.outcome === 'rejected') expect(got.error, `${group} ${key}`).toBeInstanceOf(InvalidArgumentError);
        const recorded = (probe.received ?? []).map((r) => ({ method: r.method, header: lowerName(r.header) }));
        expect(wireOf(`${group}/${key}`), `${group} ${key}`).toEqual(recorded);
      }
    }
  });

  it('reads control bytes in response header values and status texts as recorded; NUL is a network error', async () => {
    for (const [key, probe] of Object.entries(result.responseValues)) {
      const got = await run(engine, { url: `${api.url}/resbyte/value/${key}` });
      expect(got.outcome, `value ${key}`).toBe(probe.outcome);
      if (probe.outcome === 'allowed') expect(got.verdict?.response?.headers['x-probe'], `value ${key}`).toBe(readable(probe));
    }
    for (const [key, probe] of Object.entries(result.allowOrigin)) {
      expect((await run(engine, { url: `${api.url}/resbyte/acao/${key}` })).outcome, `allow-origin ${key}`).toBe(probe.outcome);
    }
    for (const [key, probe] of Object.entries(result.statusText)) {
      const got = await run(engine, { url: `${api.url}/resbyte/status/${key}` });
      expect(got.outcome, `status ${key}`).toBe(probe.outcome);
      if (probe.outcome === 'allowed') expect(got.verdict?.response?.statusText, `status ${key}`).toBe(probe.statusText);
    }
  });

  it('refuses a URL with credentials before sending anything, as fetch() does', async () => {
    for (const [probe, userinfo, key] of [[result.credentialsInUrl, 'user:secret@', 'cred/1'], [result.credentialsInUrlUserOnly, 'user@', 'cred/2']] as const) {
      expect(probe.outcome).toBe('rejected');
      expect(probe.received).toEqual([]);
      const got = await run(engine, { url: `${api.url.replace('http://', `http://${userinfo}`)}/${key}` });
      expect(got.verdict?.reason?.code).toBe('CredentialsInUrl');
      expect(got.verdict?.exchanges).toEqual([]);
      expect(api.received.get(key) ?? []).toEqual([]);
    }
  });

  it('gives one host 6 connections at once, as recorded', () => {
    expect(result.connections.allowed).toBe(result.connections.fetches);
    expect(result.connections.maxInFlight).toBe(ENGINES[engine].connectionsPerHost);
  });
});

it('the URL transport gives one host at most 6 connections at once: 30 concurrent requests', async () => {
  const verdicts = await Promise.all(Array.from({ length: 30 }, (_, i) => simulate({ url: `${api.url}/conn/${i}`, origin: ORIGIN }, { transport: fromUrl(api.url) })));
  expect(verdicts.every((v) => v.allowed)).toBe(true);
  expect(api.maxInFlight()).toBe(6);
});
