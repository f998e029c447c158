/**
 * Run the matcher's requests against a target (anything `toTransport` accepts), once per engine, and collect
 * the verdicts. All runs go out together so a hanging server costs one timeout, not one per engine.
 */
import { simulateEngines } from '../simulate.js';
import { InvalidArgumentError } from '../errors.js';
import { detectCorsMiddleware, type CorsMiddleware } from '../targets/cors-middleware.js';
import { toTransport, type Target } from '../transports/index.js';
import type { CorsRequest, EngineName, Transport, Verdict } from '../types.js';
import type { MatcherInput } from './options.js';

/** One request a matcher makes; `label` names it when the matcher makes several (a method, a header). */
export interface Probe {
  label?: string;
  request: Omit<CorsRequest, 'url'> & { url?: string | URL };
}

export interface ProbeResult {
  label?: string;
  engine: EngineName;
  request: CorsRequest;
  verdict: Verdict;
  /** The CORS middleware the target mounts, when it is an app that mounts one corsproof knows. */
  middleware?: CorsMiddleware;
}

export async function runProbes(target: unknown, input: MatcherInput, probes: readonly Probe[], matcher: string): Promise<ProbeResult[]> {
  const transport: Transport = toTransport(target as Target, input.baseUrl === undefined ? undefined : { baseUrl: input.baseUrl });
  const middleware = detectCorsMiddleware(target) ?? undefined;
  const options = input.timeoutMs === undefined ? { transport, engines: input.engines } : { transport, engines: input.engines, timeoutMs: input.timeoutMs };
  const run = (probe: Probe): Promise<ProbeResult[]> => {
    const request = withUrl(probe.request, transport, matcher);
    return simulateEngines(request, options).then((verdicts) => {
      const results: ProbeResult[] = [];
      for (let k = 0; k < verdicts.length; k++) {
        const result: ProbeResult = { label: probe.label, engine: input.engines[k], request, verdict: verdicts[k] };
        if (middleware) result.middleware = middleware;
        results.push(result);
      }
      return results;
    });
  };
  // (Most matchers make one request: no list of lists for it.)
  if (probes.length === 1) return run(probes[0]);
  const runs: Array<Promise<ProbeResult[]>> = [];
  for (const probe of probes) runs.push(run(probe));
  return (await Promise.all(runs)).flat();
}

/** Without a `url`, the request goes to the target's base URL (the URL itself for a URL target). */
function withUrl(request: Probe['request'], transport: Transport, matcher: string): CorsRequest {
  if (request.url !== undefined) return request as CorsRequest;
  if (transport.baseUrl === undefined) {
    throw new InvalidArgumentError(
      `${matcher} request.url`,
      `it is missing and this target (${transport.name}) has no base URL to default to`,
      "Pass the URL to request, e.g. { url: 'https://api.example/items' }.",
    );
  }
  return { ...request, url: transport.baseUrl };
}
