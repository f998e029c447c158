/**
 * `enforceCors(server, options?)`: from now on every request MSW intercepts (fetch, XMLHttpRequest, Node's http)
 * is judged as the page would send it, and the client sees what the browser would let it see.
 *
 * The pieces: the gate (gate.ts), MSW's first handler, judges each request against the test's own handlers;
 * the client wrappers (client-fetch.ts, client-xhr.ts) record what the page's script asked for and show it the
 * gate's answer, whatever the environment's own client made of it; msw-server.ts keeps the gate first and gives
 * MSW back on dispose.
 */
import { getEngine } from '../engines/index.js';
import { InvalidArgumentError } from '../errors.js';
import { parseOrigin } from '../arguments/origin.js';
import { PreflightCache } from '../emulator/preflight-cache.js';
import type { EngineName, Verdict } from '../types.js';
import { reportBlocked, resolveOnBlocked, type OnBlocked } from './blocked.js';
import type { ClientSettings } from './client-fetch.js';
import { ClientGlobals } from './client-globals.js';
import { createGate, isGate } from './gate.js';
import { assertSetupApi, MswTakeover, type MswSetupApi } from './msw-server.js';
import type { RunnableHandler } from './msw-handler.js';
import { PageCalls } from './page-calls.js';
import { validatePolicy, type CorsPolicy } from './policy.js';
import type { DefinedCorsPolicy } from '../policy/define.js';
import { withCors } from './with-cors.js';

export interface EnforceCorsOptions {
  /**
   * The page's origin, e.g. `https://app.example`. Default: `location.origin` where the environment has one
   * (jsdom, happy-dom, a browser); required in Node's `node` environment.
   */
  origin?: string;
  /** Whose rules and words: `chromium` (default), `firefox`, `webkit` or `spec`. */
  engine?: EngineName;
  /** What happens besides the failure itself when a request is blocked (default `'error'`: see `OnBlocked`). */
  onBlocked?: OnBlocked;
  /** Milliseconds one exchange with the handlers may take before the request fails (default 10 000). */
  timeoutMs?: number;
  /**
   * The CORS policy the mocked API follows (`defineCorsPolicy(...)`, or a `withCors` policy object): every
   * handler is then answered as a correct server with that policy would answer, as if each were wrapped in
   * `withCors(policy, ...)`: preflights for their routes answered from the policy, the policy's CORS headers
   * on every response. Without it, the handlers' own headers (and `withCors` wrappers) are what the page gets.
   */
  policy?: CorsPolicy | DefinedCorsPolicy;
}

/** What `enforceCors` returns. */
export interface CorsEnforcement {
  /** The page's origin requests are judged from. */
  readonly origin: string;
  readonly engine: EngineName;
  /** The verdict of every judged request, in the order the page made them. */
  readonly verdicts: readonly Verdict[];
  /** The blocked ones among `verdicts`. */
  readonly blocked: readonly Verdict[];
  /** Forget the verdicts and the preflight cache: a fresh page, e.g. between tests. */
  reset(): void;
  /** Stop enforcing: MSW's methods and handlers, `fetch` and `XMLHttpRequest` are the very objects they were. */
  dispose(): void;
}

const OPTION_KEYS = ['origin', 'engine', 'onBlocked', 'timeoutMs', 'policy'];
const active = new WeakMap<object, CorsEnforcement>();

export function enforceCors(server: MswSetupApi, options: EnforceCorsOptions = {}): CorsEnforcement {
  assertSetupApi(server);
  if (active.has(server)) {
    throw new InvalidArgumentError('server', 'enforceCors() is already active on this server', 'Call dispose() on the first one before enforcing again, or keep using it (reset() starts a fresh page).');
  }
  if (options === null || typeof options !== 'object') {
    throw new InvalidArgumentError('options', `expected an object, received ${options === null ? 'null' : typeof options}`, "Pass e.g. { origin: 'https://app.example' }, or nothing.");
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.includes(key)) throw new InvalidArgumentError(`options.${key}`, 'unknown option', `enforceCors accepts ${OPTION_KEYS.map((k) => `\`${k}\``).join(', ')}.`);
  }
  const origin = pageOrigin(options.origin);
  const engine = getEngine(options.engine ?? 'chromium', 'options.engine');
  const onBlocked = resolveOnBlocked(options.onBlocked, 'options.onBlocked');
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
    throw new InvalidArgumentError('options.timeoutMs', `${String(timeoutMs)} is not a positive number of milliseconds`, 'Pass e.g. 5000.');
  }

  const policy = options.policy === undefined ? undefined : validatePolicy(options.policy, 'options.policy');
  // The handlers as the page's requests meet them: with the policy, all of them behind one withCors wrapper.
  const handlers = (): RunnableHandler[] => {
    const list = takeover.handlers();
    return policy === undefined || list.length === 0 ? list : (wrapHandlers(policy, list) as RunnableHandler[]);
  };

  let disposed = false;
  let cache = new PreflightCache();
  // Each judged request's verdict, in the order the page made the requests (not the order MSW met them).
  let slots: Array<{ order: number; verdict: Verdict | null | undefined }> = [];
  let order = 0;
  const calls = new PageCalls();
  const clientSettings: ClientSettings = { origin, engine, onBlocked, calls, nextOrder: () => ++order, active: () => !disposed };
  const clients = new ClientGlobals(clientSettings);
  const happyDom = happyDomSameOriginPolicy();

  const gate = createGate({
    origin,
    nodeCalls: clients.nodeCalls,
    engine,
    get cache() {
      return cache;
    },
    timeoutMs,
    calls,
    handlers,
    begin(made) {
      const slot = { order: made ?? ++order, verdict: undefined as Verdict | null | undefined };
      slots.push(slot);
      return slot;
    },
    settle(slot, verdict) {
      (slot as { verdict: Verdict | null | undefined }).verdict = verdict;
      if (verdict && !verdict.allowed && !disposed) reportBlocked(verdict, onBlocked === 'throw' ? 'silent' : onBlocked);
    },
  });
  const takeover = new MswTakeover(server, gate, {
    isGate,
    started: () => {
      if (!disposed) clients.install();
    },
    stopped: () => clients.uninstall(),
  });
  if (takeover.listening() !== false) clients.install();
  happyDom.disable();

  const judged = () =>
    [...slots]
      .sort((a, b) => a.order - b.order)
      .map((slot) => slot.verdict)
      .filter((v): v is Verdict => v !== null && v !== undefined);
  const enforcement: CorsEnforcement = {
    origin,
    engine: engine.name,
    get verdicts() {
      return judged();
    },
    get blocked() {
      return judged().filter((v) => !v.allowed);
    },
    reset() {
      slots = [];
      cache = new PreflightCache();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      clients.uninstall();
      takeover.restore();
      happyDom.restore();
      active.delete(server);
    },
  };
  active.set(server, enforcement);
  return enforcement;
}

const wrapHandlers = withCors as (policy: CorsPolicy | DefinedCorsPolicy, handlers: readonly unknown[]) => unknown[];

function pageOrigin(given: unknown): string {
  if (given !== undefined) return parseOrigin(given as string, 'options.origin');
  const location = (globalThis as { location?: { origin?: unknown } }).location;
  const own = typeof location?.origin === 'string' && location.origin !== 'null' ? location.origin : undefined;
  if (own === undefined) {
    throw new InvalidArgumentError(
      'options.origin',
      'this environment has no page (no location.origin), so the page origin must be given',
      "Pass enforceCors(server, { origin: 'https://app.example' }), the origin your frontend is served from.",
    );
  }
  return parseOrigin(own, 'location.origin');
}

/**
 * happy-dom's fetch (and its XMLHttpRequest, built on it) runs a same-origin policy of its own, with a preflight
 * before every cross-origin request, unlike any browser. While corsproof judges, that check is off, so the client
 * sees corsproof's verdict alone; dispose puts the setting back.
 */
function happyDomSameOriginPolicy(): { disable(): void; restore(): void } {
  const settings = (globalThis as { happyDOM?: { settings?: { fetch?: { disableSameOriginPolicy?: boolean } } } }).happyDOM?.settings?.fetch;
  let previous: boolean | undefined;
  return {
    disable() {
      if (!settings) return;
      previous = settings.disableSameOriginPolicy;
      settings.disableSameOriginPolicy = true;
    },
    restore() {
      if (settings) settings.disableSameOriginPolicy = previous;
    },
  };
}
