/**
 * Property-based robustness of the engines' HTTP/1 readers (src/emulator/raw-response.ts) on the bytes a hostile
 * server sends: the recorded heads (scripts/conformance/probes/heads-api.ts) with bytes replaced, inserted and cut
 * off, and arbitrary bytes. It proves:
 * 1. each engine's reader returns a response or a network error as data, and never throws;
 * 2. a response it reads is well formed: an integer status, string header pairs without CR or LF, a body within
 *    the bytes sent, `bodyError` one of the codes;
 * 3. bytes `isPlainResponse` passes are read alike by all three, so their re-reading can be skipped;
 * 4. over a real socket, `simulateEngines` gives every engine a verdict for such bytes, never a throw nor a hang.
 * Runs and seed: fuzz-config.ts (CORSPROOF_FUZZ_RUNS, CORSPROOF_FUZZ_SEED).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAD_CASES } from '../../scripts/conformance/probes/heads-api.js';
import { tcpServer, type RawServer } from '../../scripts/conformance/probes/raw-server.js';
import { CHROMIUM_HTTP1, FIREFOX_HTTP1, WEBKIT_HTTP1 } from '../../src/engines/http1.js';
import { isPlainResponse, readRawResponse } from '../../src/emulator/raw-response.js';
import { simulateEngines } from '../../src/simulate.js';
import { fromUrl } from '../../src/transports/index.js';
import type { BodyError } from '../../src/types.js';
import { fuzzParameters, timeoutFor } from './fuzz-config.js';

const RULES = [CHROMIUM_HTTP1, FIREFOX_HTTP1, WEBKIT_HTTP1];
const BODY_ERRORS: readonly BodyError[] = ['short-body', 'broken-chunks', 'content-length', 'content-coding'];
const CASES = Object.values(HEAD_CASES).map((text) => Uint8Array.from(Buffer.from(text, 'latin1')));

/** A recorded head with edits, or arbitrary bytes. */
const bytesArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...CASES),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('replace', 'insert', 'cut'), fc.constantFrom(0x00, 0x09, 0x0a, 0x0d, 0x20, 0x2c, 0x3a, 0x30, 0x7f, 0x80, 0xff)), { maxLength: 6 }),
    )
    .map(([base, edits]) => {
      const out = [...base];
      for (const [at, kind, byte] of edits) {
        const k = out.length === 0 ? 0 : at % out.length;
        if (kind === 'replace' && out.length > 0) out[k] = byte;
        else if (kind === 'insert') out.splice(k, 0, byte);
        else out.length = k;
      }
      return Uint8Array.from(out);
    }),
  fc.uint8Array({ maxLength: 300 }),
);

describe('the engines\' HTTP/1 readers on hostile bytes', () => {
  it(
    'return a well-formed response or a network error as data, and never throw',
    () => {
      fc.assert(
        fc.property(bytesArb, fc.constantFrom('GET', 'HEAD', 'OPTIONS'), (bytes, method) => {
          for (const rules of RULES) {
            const read = readRawResponse(bytes, method, rules);
            if (!read.ok) {
              expect(typeof read.problem.problem).toBe('string');
              continue;
            }
            const { status, statusText, headers, body, bodyError } = read.response;
            expect(Number.isSafeInteger(status)).toBe(true);
            expect(typeof statusText).toBe('string');
            for (const [name, value] of headers) expect(`${name}${value}`).not.toMatch(/[\r\n]/);
            expect(body).toBeInstanceOf(Uint8Array);
            if (rules.decodesContent === false || !headers.some(([n]) => n.toLowerCase() === 'content-encoding')) expect(body.byteLength).toBeLessThanOrEqual(bytes.byteLength);
            if (bodyError !== undefined) expect(BODY_ERRORS).toContain(bodyError);
          }
        }),
        fuzzParameters(2000),
      );
    },
    timeoutFor(2000, 1),
  );

  it(
    'read a plain response alike in all three engines',
    () => {
      const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,12}$/);
      const value = fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,20}$/);
      const plainArb = fc
        .tuple(fc.integer({ min: 200, max: 999 }), fc.stringMatching(/^[\x20-\x7e]{0,12}$/), fc.array(fc.tuple(token, value), { maxLength: 6 }), fc.stringMatching(/^[\x20-\x7e]{0,30}$/), fc.boolean())
        .filter(([, , headers]) => !headers.some(([n]) => /^(content-length|transfer-encoding|content-encoding)$/i.test(n)))
        .map(([status, text, headers, body, withLength]) => {
          const lines = [`HTTP/1.1 ${status} ${text}`, ...headers.map(([n, v]) => `${n}: ${v}`), ...(withLength ? [`Content-Length: ${body.length}`] : [])];
          return Uint8Array.from(Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`, 'latin1'));
        });
      fc.assert(
        fc.property(fc.oneof(plainArb, bytesArb), (bytes) => {
          if (!isPlainResponse(bytes)) return;
          const [first, ...others] = RULES.map((rules) => readRawResponse(bytes, 'GET', rules));
          expect(first.ok).toBe(true);
          for (const other of others) expect(other).toEqual(first);
        }),
        fuzzParameters(2000),
      );
    },
    timeoutFor(2000, 1),
  );

  describe('over a real socket', () => {
    let served: Uint8Array = new Uint8Array(0);
    let server: RawServer;
    beforeAll(async () => {
      server = await tcpServer((socket) => socket.once('data', () => socket.end(served)));
    });
    afterAll(async () => {
      await server.close();
    });

    it(
      'give every engine a verdict, never a throw nor a hang',
      async () => {
        await fc.assert(
          fc.asyncProperty(bytesArb, async (bytes) => {
            served = bytes;
            const verdicts = await simulateEngines({ url: `${server.url}/x`, origin: 'http://127.0.0.1:1' }, { transport: fromUrl(server.url), timeoutMs: 2_000 });
            expect(verdicts.map((v) => v.engine)).toEqual(['chromium', 'firefox', 'webkit']);
            for (const verdict of verdicts) {
              if (!verdict.allowed) expect(typeof verdict.reason?.code).toBe('string');
              else expect(verdict.response).toBeDefined();
            }
          }),
          fuzzParameters(150),
        );
      },
      timeoutFor(150, 40),
    );
  });
});
