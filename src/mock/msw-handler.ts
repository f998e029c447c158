/**
 * MSW request handlers, structurally. corsproof never imports msw: its handlers are plain objects with the members
 * msw 2 and msw 3 call (`kind`, `run`, `log`, `reset`, `restore`, `dispose`), so `corsproof/msw` loads in every
 * environment (msw itself does not load under Jest's jsdom) and works with whichever msw the test uses.
 *
 * How msw resolves a request (msw 2 and 3 alike): it calls `run({ request, requestId, resolutionContext })` on
 * each handler in order; `null` means "does not match" and msw goes on; a result with a `response` answers; a
 * result without one (the resolver returned nothing) makes msw perform the request as is (passthrough). When no
 * handler matches, msw applies `onUnhandledRequest`.
 */

export interface MswRunArgs {
  request: Request;
  requestId: string;
  resolutionContext?: { baseUrl?: string; quiet?: boolean };
}

export interface MswRunResult {
  handler: unknown;
  request: Request;
  requestId: string;
  response?: Response;
  parsedResult?: unknown;
}

/** What corsproof needs of a handler it runs. */
export interface RunnableHandler {
  readonly kind?: string;
  run(args: MswRunArgs): Promise<MswRunResult | null> | MswRunResult | null;
  log?(args: { request: Request; response: Response; parsedResult?: unknown }): void;
  test?(args: { request: Request; resolutionContext?: MswRunArgs['resolutionContext'] }): Promise<boolean> | boolean;
  parse?(args: { request: Request; resolutionContext?: MswRunArgs['resolutionContext'] }): unknown;
  predicate?(args: { request: Request; parsedResult: unknown; resolutionContext?: MswRunArgs['resolutionContext'] }): Promise<boolean> | boolean;
}

export interface CorsproofHandler extends RunnableHandler {
  readonly kind: 'request';
  readonly info: { header: string };
  isUsed: boolean;
  log(args: { request: Request; response: Response; parsedResult?: unknown }): void;
  reset(): void;
  restore(): void;
  dispose(): void;
}

/**
 * A request handler msw accepts. `run` decides everything; msw's log line for a response is the one of the
 * handler that produced it (`result.handler`), so mocks log as they would without corsproof.
 */
export function defineHandler(header: string, run: (args: MswRunArgs) => Promise<MswRunResult | null>): CorsproofHandler {
  return {
    kind: 'request',
    info: { header },
    isUsed: false,
    run,
    log() {},
    reset() {},
    restore() {},
    dispose() {},
  };
}

/** True for an HTTP or GraphQL request handler (not a WebSocket one). */
export function isRequestHandler(value: unknown): value is RunnableHandler {
  if (value === null || typeof value !== 'object' || typeof (value as RunnableHandler).run !== 'function') return false;
  const kind = (value as RunnableHandler).kind;
  return kind === undefined || kind === 'request';
}

/**
 * Run handlers in order, as msw does: the first result with a response wins; `matched` is the first handler
 * whose predicate matched (its result when none responded: msw's passthrough case); `null` when none matched.
 */
export async function runHandlers(handlers: readonly RunnableHandler[], args: MswRunArgs): Promise<MswRunResult | null> {
  let matched: MswRunResult | null = null;
  for (const handler of handlers) {
    const result = await handler.run(args);
    if (result === null || result === undefined) continue;
    if (result.response) return result;
    matched ??= result;
  }
  return matched;
}

/** Whether some handler would match `request`, decided without running any resolver. */
export async function anyHandlerMatches(handlers: readonly RunnableHandler[], request: Request, resolutionContext?: MswRunArgs['resolutionContext']): Promise<boolean> {
  for (const handler of handlers) {
    if (await handlerMatches(handler, request, resolutionContext)) return true;
  }
  return false;
}

async function handlerMatches(handler: RunnableHandler, request: Request, resolutionContext?: MswRunArgs['resolutionContext']): Promise<boolean> {
  const matches = (handler as { [MATCHES]?: (request: Request, context?: MswRunArgs['resolutionContext']) => Promise<boolean> })[MATCHES];
  if (matches) return matches(request, resolutionContext);
  if (typeof handler.test === 'function') return Boolean(await handler.test({ request, resolutionContext }));
  if (typeof handler.parse === 'function' && typeof handler.predicate === 'function') {
    const parsedResult = await handler.parse({ request, resolutionContext });
    return Boolean(await handler.predicate({ request, parsedResult, resolutionContext }));
  }
  return false;
}

/** corsproof's own handlers say whether they match without running (they wrap others). */
export const MATCHES = Symbol.for('corsproof.matches');

/** MSW's passthrough answer (`passthrough()` in a resolver): a 302 carrying msw's intention header. */
export function isPassthroughResponse(response: Response): boolean {
  return response.status === 302 && response.headers.get('x-msw-intention') === 'passthrough';
}
