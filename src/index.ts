/**
 * corsproof: make CORS testable.
 */
export { simulate } from './emulator/simulate.js';
export { simulateEngines } from './emulator/simulate-engines.js';
export type { SimulateEnginesOptions } from './emulator/simulate-engines.js';
export { consoleLine, consoleMessage, fixSentence } from './report/describe.js';
export type { ConsoleLine } from './report/describe.js';
export { PreflightCache } from './spec/preflight-cache.js';
export type { PreflightCacheOptions } from './spec/preflight-cache.js';
export { corsCheck } from './spec/cors-check.js';
export type { CorsCheckInput, CorsCheckResult } from './spec/cors-check.js';
export { makeReason } from './report/reason.js';
export { ENGINES, BROWSER_ENGINES, getEngine } from './engines/index.js';
export type { EngineProfile } from './engines/index.js';
export { CorsproofError, InvalidArgumentError, LocalResourceError, TransportError } from './errors.js';
export { fromFetchHandler } from './transports/fetch-handler.js';
export type * from './types.js';
export { toTransport, fromUrl, fromNock, fromNodeHandler, fromFastify, fromMswHandlers } from './transports/index.js';
export type {
  Target,
  ToTransportOptions,
  UrlOptions,
  InProcessOptions,
  TransportOptions,
  FetchHandlerObject,
  FetchHandlerOptions,
  MswOptions,
} from './transports/index.js';
