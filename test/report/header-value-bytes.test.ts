/**
 * How each engine's console quotes a response header value with bytes 0x80-0xFF (recorded byte by byte in
 * test/conformance/recorded/response-values): Chromium escapes each as `\uXXXX`, Firefox reads the bytes as UTF-8
 * (an invalid one prints as U+FFFD), WebKit quotes the UTF-8 bytes of what it read (an invalid byte as `ï¿½`). The
 * verdict keeps the bytes the server sent.
 */
import { describe, expect, it } from 'vitest';
import { consoleMessage } from '../../src/report/describe.js';
import { simulate } from '../../src/simulate.js';
import type { EngineName, Transport } from '../../src/types.js';

const PAGE = 'https://app.example';

function answering(preflight: Array<[string, string]>, response: Array<[string, string]>): Transport {
  return {
    name: 'fixed',
    send: async (wire) => ({ status: wire.method === 'OPTIONS' ? 204 : 200, statusText: '', headers: wire.method === 'OPTIONS' ? preflight : response, body: new Uint8Array(0) }),
  };
}

async function blocked(engine: EngineName, transport: Transport, request: Record<string, unknown> = {}) {
  const verdict = await simulate({ url: 'https://api.example/x', origin: PAGE, ...request }, { transport, engine });
  expect(verdict.allowed).toBe(false);
  return { parameter: verdict.reason?.failedParameter, message: consoleMessage(verdict) };
}

describe('a response header value with bytes above 0x7F, in each console', () => {
  // `é` as one byte (0xE9: not UTF-8), then as its two UTF-8 bytes (0xC3 0xA9).
  const latin1 = `${PAGE}\u00e9`;
  const utf8 = `${PAGE}\u00c3\u00a9`;

  it('Chromium escapes each byte as \\uXXXX', async () => {
    const { parameter, message } = await blocked('chromium', answering([], [['access-control-allow-origin', latin1]]));
    expect(parameter).toBe(latin1);
    expect(message).toContain(`has a value '${PAGE}\\u00E9' that is not equal`);
    expect((await blocked('chromium', answering([], [['access-control-allow-origin', utf8]]))).message).toContain(`'${PAGE}\\u00C3\\u00A9'`);
  });

  it('Firefox decodes the bytes as UTF-8: a lone byte is U+FFFD, a valid sequence its character', async () => {
    expect((await blocked('firefox', answering([], [['access-control-allow-origin', latin1]]))).message).toContain(`does not match ‘${PAGE}\ufffd’`);
    expect((await blocked('firefox', answering([], [['access-control-allow-origin', utf8]]))).message).toContain(`does not match ‘${PAGE}é’`);
  });

  it('WebKit quotes the UTF-8 bytes of what it read', async () => {
    const preflight: Array<[string, string]> = [['access-control-allow-origin', PAGE], ['access-control-allow-methods', 'PUT\u0080']];
    const { parameter, message } = await blocked('webkit', answering(preflight, []), { method: 'PUT' });
    expect(parameter).toBe('PUT\u0080');
    expect(message).toContain('Header Access-Control-Allow-Methods has an invalid value: PUT\u00ef\u00bf\u00bd');
  });
});
