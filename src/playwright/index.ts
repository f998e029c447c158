/**
 * corsproof/playwright: Playwright routes judged like the browser (`corsRoute`), CORS failures of real pages
 * watched and explained (`watchCors`), and a Playwright Test `test` that does both for every test.
 */
export { corsRoute, describeBlocked, type CorsRouteController, type CorsRouteOptions, type JudgedRequest, type RouteUrl } from './route.js';
export { watchCors, type CorsFailure, type CorsWatcher, type CorsWatchOptions } from './watch.js';
export { engineOfBrowserName } from './engine.js';
export { test, expect, formatFailures, type CorsFixtures, type CorsMode } from './fixture.js';
