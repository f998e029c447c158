/**
 * When the user's own target or set-up throws (a handler, a listener, a plugin, a mock's resolver), every
 * transport fails the exchange with a `handler` TransportError whose `cause` is that exception and whose
 * message names it; simulate() then gives a NetworkError verdict whose exchange records the exception as the
 * target's own failure.
 */
import * as http from 'node:http';
import Fastify from 'fastify';
import { http as mswHttp } from 'msw';
import { describe, expect, test } from 'vitest';
import { TransportError } from '../../src/errors.js';
import { simulate } from '../../src/simulate.js';
import { type Target, toTransport } from '../../src/transports/index.js';
import { APP } from './fixtures/policies.js';

class AppFailure extends Error {
  override name = 'AppFailure';
}

const cases: Array<[string, (thrown: Error) => Target, RegExp]> = [
  ['a fetch handler that throws', (thrown) => () => {
    throw thrown;
  }, /^The fetch handler threw: AppFailure: /],
  ['a fetch handler that rejects', (thrown) => async () => Promise.reject(thrown), /^The fetch handler threw: AppFailure: /],
  ['a Node listener that throws', (thrown) => (_req: http.IncomingMessage, _res: http.ServerResponse) => {
    throw thrown;
  }, /^The app threw while answering: AppFailure: /],
  ['an async Node listener that rejects', (thrown) => async (_req: http.IncomingMessage, _res: http.ServerResponse) => {
    throw thrown;
  }, /^The app threw while answering: AppFailure: /],
  ['an http.Server whose listener throws', (thrown) => http.createServer(() => {
    throw thrown;
  }), /^The app threw while answering: AppFailure: /],
  ['a Fastify instance whose plugin fails to load', (thrown) => {
    const app = Fastify();
    app.register(async () => {
      throw thrown;
    });
    return app;
  }, /^The Fastify instance failed to start: AppFailure: /],
  ['an MSW handler whose resolver throws', (thrown) => [mswHttp.all('*', () => {
    throw thrown;
  })], /^An MSW handler threw for GET https:\/\/api\.example\/x: AppFailure: /],
];

describe("an exception from the user's target is a handler TransportError naming it", () => {
  test.each(cases)('%s', async (_label, make, words) => {
    const thrown = new AppFailure('the database is down');
    const transport = toTransport(make(thrown));
    const error = await transport
      .send({ method: 'GET', url: 'https://api.example/x', headers: [['Origin', APP]], body: null }, { signal: new AbortController().signal })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ kind: 'handler' });
    expect((error as TransportError).cause).toBe(thrown);
    expect((error as Error).message).toMatch(words);
    expect((error as Error).message).toContain('AppFailure: the database is down');

    const verdict = await simulate({ url: 'https://api.example/x', origin: APP }, { transport: toTransport(make(thrown)) });
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason?.code).toBe('NetworkError');
    expect(verdict.exchanges.at(-1)?.error).toMatchObject({ kind: 'target', name: 'AppFailure', message: 'the database is down' });
    expect(verdict.exchanges.at(-1)?.error).toHaveProperty('context', (error as Error).message);
  });

  test('a thrown non-error is named by its value', async () => {
    const error = await toTransport(() => {
      throw 'not an error';
    })
      .send({ method: 'GET', url: 'https://api.example/x', headers: [], body: null }, { signal: new AbortController().signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'handler', cause: 'not an error' });
    expect((error as Error).message).toBe('The fetch handler threw: the string "not an error"');
  });
});
