/**
 * The cost of one emulated request over calling the same fetch handler directly. The handler is a Hono app
 * with `hono/cors`. "Direct" sends exactly the requests the emulator puts on the wire (same method, URL,
 * headers and body: for the preflighted case the OPTIONS preflight and then the PUT) and reads each response
 * body, as a test calling `app.fetch` by hand would.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { simulate } from '../src/simulate.js';
import type { CorsRequest, FetchHandler } from '../src/types.js';
import { measureRatio, type MeasureOptions, type Ratio } from './measure.js';

export const APP_ORIGIN = 'https://app.example';
const API = 'https://api.example';

export function benchHonoApp(): Hono {
  const app = new Hono();
  app.use('*', cors({ origin: [APP_ORIGIN], allowMethods: ['GET', 'PUT'], allowHeaders: ['content-type'], exposeHeaders: ['x-request-id'], maxAge: 600 }));
  app.get('/items', (c) => {
    c.header('x-request-id', 'r-1');
    return c.json([1, 2, 3]);
  });
  app.put('/items', (c) => c.json({ ok: true }));
  return app;
}

interface Case {
  name: string;
  request: CorsRequest;
  /** The requests the emulator sends for `request`, as [method, headers, body]. */
  wire: Array<[string, Array<[string, string]>, string | null]>;
  allowed: boolean;
  exchanges: number;
}

const BODY = '{"name":"x"}';

export const HANDLER_CASES: readonly Case[] = [
  {
    name: 'simple GET',
    request: { url: `${API}/items`, origin: APP_ORIGIN },
    wire: [['GET', [['Accept', '*/*'], ['Origin', APP_ORIGIN]], null]],
    allowed: true,
    exchanges: 1,
  },
  {
    name: 'preflighted PUT',
    request: { url: `${API}/items`, origin: APP_ORIGIN, method: 'PUT', headers: { 'content-type': 'application/json' }, body: BODY },
    wire: [
      ['OPTIONS', [['Accept', '*/*'], ['Access-Control-Request-Method', 'PUT'], ['Access-Control-Request-Headers', 'content-type'], ['Origin', APP_ORIGIN]], null],
      ['PUT', [['content-type', 'application/json'], ['Accept', '*/*'], ['Origin', APP_ORIGIN]], BODY],
    ],
    allowed: true,
    exchanges: 2,
  },
];

export interface HandlerFigures {
  name: string;
  ratio: Ratio;
}

export async function benchHandler(c: Case, options: MeasureOptions): Promise<HandlerFigures> {
  const app = benchHonoApp();
  const handler: FetchHandler = app.fetch;
  // Check once that the emulated run does what the direct run does, so the ratio compares like with like.
  const verdict = await simulate(c.request, { transport: handler });
  if (verdict.allowed !== c.allowed || verdict.exchanges.length !== c.exchanges) {
    throw new Error(`${c.name}: expected allowed=${c.allowed} in ${c.exchanges} exchanges, got ${JSON.stringify(verdict.reason ?? verdict.exchanges.length)}`);
  }
  for (const [k, [method, headers]] of c.wire.entries()) {
    const sent = verdict.exchanges[k].request;
    if (sent.method !== method || JSON.stringify(sent.headers) !== JSON.stringify(headers)) {
      throw new Error(`${c.name}: the emulator sent ${sent.method} ${JSON.stringify(sent.headers)}, the direct call ${method} ${JSON.stringify(headers)}`);
    }
  }
  const url = String(c.request.url);
  const emulated = () => simulate(c.request, { transport: handler });
  const direct = async () => {
    for (const [method, headers, body] of c.wire) {
      const response = await handler(new Request(url, { method, headers, body }));
      await response.arrayBuffer();
    }
  };
  return { name: c.name, ratio: await measureRatio(emulated, direct, options) };
}
