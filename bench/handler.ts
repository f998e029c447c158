/**
 * The cost of one emulated request over calling the same fetch handler directly. The handler is a Hono app
 * with `hono/cors`. "Direct" sends exactly the requests the emulator put on the wire (same method, URL,
 * headers and body: for the preflighted case the OPTIONS preflight and then the PUT), recorded from one
 * emulated run, and reads each response body, as a test calling `app.fetch` by hand would.
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
  allowed: boolean;
  /** The requests the emulator must send: [method] in order (the headers are whatever the engine sends). */
  methods: string[];
}

const BODY = '{"name":"x"}';

export const HANDLER_CASES: readonly Case[] = [
  { name: 'simple GET', request: { url: `${API}/items`, origin: APP_ORIGIN }, allowed: true, methods: ['GET'] },
  {
    name: 'preflighted PUT',
    request: { url: `${API}/items`, origin: APP_ORIGIN, method: 'PUT', headers: { 'content-type': 'application/json' }, body: BODY },
    allowed: true,
    methods: ['OPTIONS', 'PUT'],
  },
];

export interface HandlerFigures {
  name: string;
  ratio: Ratio;
  /** The requests on the wire, each sent by both sides. */
  requests: number;
}

export async function benchHandler(c: Case, options: MeasureOptions): Promise<HandlerFigures> {
  const app = benchHonoApp();
  const handler: FetchHandler = app.fetch;
  // The direct side sends exactly what the emulator put on the wire (method, URL, headers with their case and
  // order, body), so the ratio compares like with like whatever headers the engine adds.
  const verdict = await simulate(c.request, { transport: handler });
  const sent = verdict.exchanges.map((e) => e.request);
  if (verdict.allowed !== c.allowed || sent.map((r) => r.method).join() !== c.methods.join()) {
    throw new Error(`${c.name}: expected allowed=${c.allowed} after ${c.methods.join(', ')}, got ${JSON.stringify(verdict.reason ?? sent.map((r) => r.method))}`);
  }
  const emulated = () => simulate(c.request, { transport: handler });
  const direct = async () => {
    for (const wire of sent) {
      const response = await handler(new Request(wire.url, { method: wire.method, headers: wire.headers, body: wire.body as Uint8Array<ArrayBuffer> | null }));
      await response.arrayBuffer();
    }
  };
  return { name: c.name, ratio: await measureRatio(emulated, direct, options), requests: sent.length };
}
