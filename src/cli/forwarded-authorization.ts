/**
 * A warning before a real token goes somewhere the user did not name. Browsers disagree on a redirect to
 * another origin: Chromium and Firefox delete `Authorization` (Fetch Standard, HTTP-redirect fetch step 13),
 * WebKit keeps it (recorded). The emulation is right either way, but `corsproof check` sends what the engine
 * would send, over the network: with WebKit's profile, the user's `Authorization` header goes to the host the
 * server redirected to. This transport says so on stderr just before that request is sent.
 */
import { getEngine } from '../engines/index.js';
import { originOf } from '../spec/origin.js';
import type { EngineName, Transport } from '../types.js';
import { listNames } from '../report/format.js';

export interface ForwardingWarning {
  /** The URL the user asked for. */
  url: string;
  /** The request headers the user gave. */
  headers: ReadonlyArray<readonly [string, string]>;
  engines: readonly EngineName[];
  /** Write one warning line (already made safe for a terminal by the caller). */
  warn(targetUrl: string, keeping: readonly string[], dropping: readonly string[]): void;
}

/** `transport`, warning before it carries the user's `Authorization` to another origin; as is when that cannot happen. */
export function warnOnForwardedAuthorization(transport: Transport, options: ForwardingWarning): Transport {
  const profiles = options.engines.map((name) => getEngine(name));
  const keeping = profiles.filter((p) => !p.redirectDropsAuthorization).map((p) => p.label);
  const dropping = profiles.filter((p) => p.redirectDropsAuthorization).map((p) => p.label);
  const authorization = options.headers.some(([name]) => name.toLowerCase() === 'authorization');
  if (!authorization || keeping.length === 0) return transport;
  const home = originOf(options.url);
  const warned = new Set<string>();
  return {
    name: transport.name,
    baseUrl: transport.baseUrl,
    send(wire, context) {
      const carries = wire.headers.some(([name]) => name.toLowerCase() === 'authorization');
      const origin = originOf(wire.url);
      if (carries && origin !== home && !warned.has(origin)) {
        warned.add(origin);
        options.warn(wire.url, keeping, dropping);
      }
      return transport.send(wire, context);
    },
  };
}

/** The warning's words. */
export function forwardingMessage(targetUrl: string, keeping: readonly string[], dropping: readonly string[]): string {
  const engines = listNames(keeping);
  const others = dropping.length > 0 ? ` (dropped by ${listNames(dropping)})` : '';
  return `warning: a redirect leads to ${targetUrl}, another origin; ${engines} ${keeping.length === 1 ? 'keeps' : 'keep'} the Authorization header across such a redirect${others}, so your Authorization header is sent there now. Leave ${keeping.length === 1 ? 'that engine' : 'those engines'} out (--engine) or drop the header if that host must not see it.`;
}
