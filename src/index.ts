/**
 * corsproof: make CORS testable.
 */
export { simulate, simulateEngines } from './simulate.js';
export type { SimulateEnginesOptions } from './simulate.js';
export { consoleLine, consoleMessage, fixSentence, reasonConsoleLine, reasonFixSentence } from './report/describe.js';
export type { ConsoleLine } from './report/describe.js';
export { PreflightCache } from './arguments/preflight-cache.js';
export type { PreflightCacheOptions } from './arguments/preflight-cache.js';
export { corsCheck } from './spec/cors-check.js';
export type { CorsCheckInput, CorsCheckResult } from './spec/cors-check.js';
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
export {
  defineCorsPolicy,
  isCorsPolicy,
  loadCorsPolicy,
  parseCorsPolicy,
  answerFor,
  applyAnswer,
  checkCorsPolicy,
} from './policy/index.js';
export type {
  CorsPolicyConfig,
  CorsPolicyRules,
  DefinedCorsPolicy,
  PolicyScope,
  ResolvedCorsRules,
  PolicyAnswer,
  PolicyRequest,
  CorsPolicyCheckOptions,
  PolicyDeviation,
  PolicyReport,
  RouteReport,
  DeviationKind,
  OriginEntry,
  OriginMatcher,
  OriginPredicate,
  Expectation,
} from './policy/index.js';
export type { RouteOption } from './routes/index.js';
export { audit, auditToJson, RULES as AUDIT_RULES, THIRD_PARTY_ORIGINS, SEVERITIES, atLeast } from './audit/index.js';
export type { AuditOptions, AuditReport, EndpointReport, Finding, Probe, Severity, AuditJson, EndpointJson, FindingJson, ProbeJson, EvidenceJson } from './audit/index.js';
export { auditToSarif, type SarifOptions } from './report/audit-sarif.js';
export { findingText, RULE_TEXT } from './report/audit-text.js';
export { explain, explainHar, explainMessage } from './explain/index.js';
export type {
  Explanation,
  HarEngineVerdict,
  HarExplainOptions,
  HarExplanation,
  HarRequestExplanation,
  MessageCandidate,
  MessageExplanation,
  MessagesExplanation,
} from './explain/index.js';
export { fromHar, parseHar } from './transports/har.js';
export type { Har, HarEntry, HarHeader, HarOptions } from './transports/har.js';
