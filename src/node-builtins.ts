/**
 * Node's HTTP and file modules, taken when first used: a check on a fetch handler (Hono, a Next.js route) never needs
 * them, and a first verdict should load nothing it does not use. `process.getBuiltinModule` hands out the very
 * module objects `import` would (so nock's patches of `http.request` apply), synchronously.
 */
import type * as Http from 'node:http';
import type * as Https from 'node:https';
import type { duplexPair } from 'node:stream';
import type * as FsPromises from 'node:fs/promises';
import type * as Path from 'node:path';
import type * as Url from 'node:url';

// Each module object is looked up once and kept: it is the same object every time, and its members are read at
// each use, so a later patch (nock's) still applies. (A matcher asks whether what it received is an IncomingMessage
// on every call.)
let http: typeof Http | undefined;
let https: typeof Https | undefined;
let stream: { duplexPair: typeof duplexPair } | undefined;
let fs: typeof FsPromises | undefined;
let path: typeof Path | undefined;
let url: typeof Url | undefined;

export const nodeHttp = (): typeof Http => (http ??= process.getBuiltinModule('node:http') as typeof Http);
export const nodeHttps = (): typeof Https => (https ??= process.getBuiltinModule('node:https') as typeof Https);
export const nodeStream = (): { duplexPair: typeof duplexPair } => (stream ??= process.getBuiltinModule('node:stream') as unknown as { duplexPair: typeof duplexPair });
export const nodeFs = (): typeof FsPromises => (fs ??= process.getBuiltinModule('node:fs/promises') as typeof FsPromises);
export const nodePath = (): typeof Path => (path ??= process.getBuiltinModule('node:path') as typeof Path);
export const nodeUrl = (): typeof Url => (url ??= process.getBuiltinModule('node:url') as typeof Url);
