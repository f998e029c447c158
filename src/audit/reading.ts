/**
 * How a browser treats an answer: the CORS check per credentials mode (`corsCheck`, the Fetch Standard's),
 * and the emulator's judgement of a recorded preflight answer. Pure: nothing is sent from here.
 */
import { simulate } from '../simulate.js';
import { consoleMessage, fixSentence } from '../report/describe.js';
import { corsCheck } from '../spec/cors-check.js';
import { getHeader, splitHeaderValue } from '../spec/header-list.js';
import type { Transport, WireResponse } from '../types.js';
import type { PreflightJudgement, Probe, Reading } from './types.js';

export function readAnswer(origin: string | undefined, response: WireResponse | undefined): Reading {
  const headers = response?.headers ?? [];
  const allowOrigin = getHeader(headers, 'access-control-allow-origin');
  const allowCredentials = getHeader(headers, 'access-control-allow-credentials');
  const check = (credentials: 'omit' | 'include') =>
    response !== undefined && origin !== undefined && corsCheck({ allowOrigin, allowCredentials, origin, credentials }).ok;
  return { allowOrigin, allowCredentials, readable: { omit: check('omit'), include: check('include') } };
}

export function readProbe(probe: Probe): Reading {
  return readAnswer(probe.origin, probe.response);
}

/** `Vary` lists `Origin` (or `*`). */
export function variesOnOrigin(response: WireResponse): boolean {
  const vary = getHeader(response.headers, 'vary');
  if (vary === null) return false;
  return splitHeaderValue(vary).some((v) => v === '*' || v.toLowerCase() === 'origin');
}

/** A transport that answers OPTIONS with a recorded response and anything else with a permissive stub, sending nothing. */
function replay(recorded: WireResponse, origin: string): Transport {
  return {
    name: 'recorded preflight',
    send(wire) {
      if (wire.method === 'OPTIONS') return Promise.resolve(recorded);
      return Promise.resolve({
        status: 200,
        statusText: 'OK',
        headers: [
          ['access-control-allow-origin', origin],
          ['access-control-allow-credentials', 'true'],
        ],
        body: new Uint8Array(0),
      });
    },
  };
}

/**
 * Would Chromium let `origin` send `method` with `headers` after this preflight answer? Judged from the
 * recorded answer in both credentials modes (nothing is sent again); the failure is the one of `mode`.
 */
export async function judgePreflight(
  input: { url: string; origin: string; method: string; headers: Array<[string, string]> },
  recorded: WireResponse | undefined,
  mode: 'omit' | 'include',
): Promise<PreflightJudgement> {
  if (recorded === undefined) return { passes: { omit: false, include: false }, failure: null };
  const run = (credentials: 'omit' | 'include') =>
    simulate(
      { url: input.url, origin: input.origin, method: input.method, headers: input.headers, body: '{}', credentials },
      { transport: replay(recorded, input.origin), engine: 'chromium' },
    );
  const [omit, include] = await Promise.all([run('omit'), run('include')]);
  const judged = mode === 'include' ? include : omit;
  return {
    passes: { omit: omit.allowed, include: include.allowed },
    failure: judged.allowed || !judged.reason ? null : { code: judged.reason.code, message: consoleMessage(judged), fix: fixSentence(judged) },
  };
}

/** Would Chromium hand `origin`'s script this recorded answer to a simple request? The failure of `mode`, in the browser's words. */
export async function judgeAnswer(
  input: { url: string; origin: string; method: string },
  recorded: WireResponse,
  mode: 'omit' | 'include',
): Promise<{ code: string; message: string; fix: string } | null> {
  const verdict = await simulate(
    { url: input.url, origin: input.origin, method: input.method, credentials: mode },
    { transport: { name: 'recorded answer', send: () => Promise.resolve(recorded) }, engine: 'chromium' },
  );
  return verdict.allowed || !verdict.reason ? null : { code: verdict.reason.code, message: consoleMessage(verdict), fix: fixSentence(verdict) };
}
