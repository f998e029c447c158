// Jest's jsdom environment has no Fetch API, and MSW needs one. This is what a suite on `jest-environment-jsdom`
// adds in `setupFiles` (jest-fixed-jsdom does the same): Node's own classes, where jsdom has none.
const node = require('node:vm').runInThisContext('globalThis');
for (const name of ['fetch', 'Request', 'Response', 'Headers', 'FormData', 'TextEncoder', 'TextDecoder', 'TextEncoderStream', 'TextDecoderStream', 'ReadableStream', 'WritableStream', 'TransformStream', 'BroadcastChannel', 'structuredClone']) {
  if (typeof globalThis[name] === 'undefined') globalThis[name] = node[name];
}
