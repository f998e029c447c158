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

export const nodeHttp = (): typeof Http => process.getBuiltinModule('node:http') as typeof Http;
export const nodeHttps = (): typeof Https => process.getBuiltinModule('node:https') as typeof Https;
export const nodeStream = (): { duplexPair: typeof duplexPair } => process.getBuiltinModule('node:stream') as unknown as { duplexPair: typeof duplexPair };
export const nodeFs = (): typeof FsPromises => process.getBuiltinModule('node:fs/promises') as typeof FsPromises;
export const nodePath = (): typeof Path => process.getBuiltinModule('node:path') as typeof Path;
export const nodeUrl = (): typeof Url => process.getBuiltinModule('node:url') as typeof Url;
