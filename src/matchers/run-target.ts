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
  const runs: Array<Promise<ProbeResult[]>> = [];
  for (const probe of probes) {
    const request = withUrl(probe.request, transport, matcher);
    const timeout = input.timeoutMs === undefined ? {} : { timeoutMs: input.timeoutMs };
    runs.push(
      simulateEngines(request, { transport, engines: input.engines, ...timeout }).then((verdicts) =>
        verdicts.map((verdict, k) => ({ label: probe.label, engine: input.engines[k], request, verdict, ...(middleware ? { middleware } : {}) })),
      ),
    );
  }
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
