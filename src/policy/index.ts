/** CORS policies: one declarative description of what an API allows, for mocks, checks and middleware options. */
export { defineCorsPolicy, isCorsPolicy, type CorsPolicyConfig, type CorsPolicyRules, type DefinedCorsPolicy, type PolicyScope, type ResolvedCorsRules } from './define.js';
export { loadCorsPolicy, parseCorsPolicy } from './load.js';
export { answerFor, applyAnswer, isPreflightRequest, type PolicyAnswer, type PolicyRequest } from './answer.js';
export { checkCorsPolicy, type CorsPolicyCheckOptions, type PolicyDeviation, type PolicyReport, type RouteReport, type DeviationKind } from './check.js';
export type { OriginEntry, OriginMatcher, OriginPredicate } from './origin-rules.js';
export type { Expectation } from './probes.js';
