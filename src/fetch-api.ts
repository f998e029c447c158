/**
 * The web platform classes corsproof builds and checks requests and responses with. The test environment's own
 * (`globalThis`) when it has them, so objects a test makes and objects corsproof makes are of one kind (happy-dom
 * and jsdom environments install their own); else Node's, from the main realm: jest-environment-jsdom gives
 * its test files a global without `Request`, `Response`, `Headers`, `ReadableStream`, `TextEncoder` or
 * `TextDecoder`, and corsproof must still load and run there. Nothing is written to the test's global.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';

type NodeVm = { runInThisContext(code: string): unknown };

function nodeGlobal<T>(name: string): T {
  const own = (globalThis as Record<string, unknown>)[name];
  if (typeof own === 'function') return own as T;
  const vm = process.getBuiltinModule?.('node:vm') as NodeVm | undefined;
  return vm?.runInThisContext(`globalThis.${name}`) as T;
}

export const Request: typeof globalThis.Request = nodeGlobal('Request');
export const Response: typeof globalThis.Response = nodeGlobal('Response');
export const Headers: typeof globalThis.Headers = nodeGlobal('Headers');
export const ReadableStream: typeof globalThis.ReadableStream = nodeGlobal('ReadableStream');
export const TextEncoder: typeof globalThis.TextEncoder = typeof globalThis.TextEncoder === 'function' ? globalThis.TextEncoder : (NodeTextEncoder as typeof globalThis.TextEncoder);
export const TextDecoder: typeof globalThis.TextDecoder = typeof globalThis.TextDecoder === 'function' ? globalThis.TextDecoder : (NodeTextDecoder as typeof globalThis.TextDecoder);
