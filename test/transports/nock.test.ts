/**
 * nock: requests to a URL target reach nock's interceptors (nock patches node:http). The shared policy table,
 * plus what nock users meet: an unmocked preflight, repeated headers, net connect disabled.
 */
import nock from 'nock';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { TransportError } from '../../src/errors.js';
import { fromNock, toTransport } from '../../src/transports/index.js';
import type { Adapter } from './fixtures/apps.js';
import { describeExchangeTable, getRequest, header, send } from './fixtures/exchange-table.js';
import { NOCK_BASE, nockPolicy } from './fixtures/nock.js';
import { APP, POLICIES } from './fixtures/policies.js';
import { describeVerdictTable } from './fixtures/verdict-table.js';

const nockAdapter: Adapter = {
  id: 'nock',
  supports: () => true,
  start: async (policy) => {
    const scope = nockPolicy(policy);
    return {
      transport: fromNock(NOCK_BASE),
      close: async () => {
        scope.persist(false);
        nock.cleanAll();
      },
    };
  },
};

afterAll(() => {
  nock.cleanAll();
  nock.restore();
});

describeExchangeTable(nockAdapter);
describeVerdictTable(nockAdapter);

describe('nock specifics', () => {
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  test('a plain URL target reaches nock too, repeated headers kept in order', async () => {
    nock('https://api.plain.example')
      .get('/x')
      .reply(200, 'ok', [
        ['Access-Control-Allow-Origin', APP],
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
      ].flat());
    const transport = toTransport('https://api.plain.example');
    const response = await send(transport, getRequest(transport, APP));
    expect(response.status).toBe(200);
    expect(response.headers.filter(([n]) => n.toLowerCase() === 'set-cookie').map(([, v]) => v)).toEqual(['a=1', 'b=2']);
    expect(header(response, 'access-control-allow-origin')).toBe(APP);
  });

  test('an unmatched request is passed on as nock answers it (501) by default', async () => {
    nock(NOCK_BASE).get('/other').reply(200);
    const transport = fromNock(NOCK_BASE);
    const response = await send(transport, getRequest(transport, APP));
    expect(response.status).toBe(501);
    expect(new TextDecoder().decode(response.body)).toContain('ERR_NOCK_NO_MATCH');
  });

  test('onUnhandledRequest: "error" turns an unmatched request into a network TransportError', async () => {
    nock(NOCK_BASE).get('/other').reply(200);
    const transport = fromNock(NOCK_BASE, { onUnhandledRequest: 'error' });
    const error = await send(transport, getRequest(transport, APP)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ kind: 'network' });
    expect((error as Error).message).toMatch(/nock did not answer GET https:\/\/api\.nock\.example\/x: Nock: No match/);
  });

  test('with net connect disabled, a request to an unmocked host is a network TransportError naming nock', async () => {
    nock.disableNetConnect();
    const transport = toTransport('https://unmocked.example');
    const error = await send(transport, getRequest(transport, APP)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ kind: 'network' });
    expect((error as Error).message).toMatch(/nock|Nock/);
  });

  test("a reply function that throws is a handler TransportError carrying the user's exception", async () => {
    const thrown = new RangeError('reply broke');
    nock(NOCK_BASE).get('/x').reply(() => {
      throw thrown;
    });
    const transport = fromNock(NOCK_BASE);
    const error = await send(transport, getRequest(transport, APP)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TransportError', kind: 'handler' });
    expect((error as TransportError).cause).toBe(thrown);
    expect((error as Error).message).toContain('RangeError: reply broke');
  });

  test('in-process targets never reach nock, even with net connect disabled', async () => {
    nock.disableNetConnect();
    const listener = (_req: unknown, res: { setHeader(n: string, v: string): void; end(body: string): void }) => {
      res.setHeader('Access-Control-Allow-Origin', APP);
      res.end('in-process');
    };
    const transport = toTransport(listener as never);
    const response = await send(transport, getRequest(transport, APP));
    expect([response.status, new TextDecoder().decode(response.body)]).toEqual([200, 'in-process']);
  });

  test('fromNock rejects a bad onUnhandledRequest', () => {
    expect(() => fromNock(NOCK_BASE, { onUnhandledRequest: 'bypass' as never })).toThrow(/onUnhandledRequest/);
  });
});

// Keep the policy list referenced, so a policy added later runs here too.
void POLICIES;
