/**
 * Which routes a target has: the `routes` option when given, else the OpenAPI document, else the app's own
 * router (Express 4/5, Koa with @koa/router, Fastify, Hono). A target with no router to read (a URL, a fetch
 * handler, MSW handlers) falls back to the paths the policy names and `/`.
 */
import { InvalidArgumentError } from '../errors.js';
import { checkDocument, loadOpenApiDocument, openApiRoutes } from '../openapi/document.js';
import { expressRoutes, expressStack } from './express.js';
import { fastifyRoutes, isFastifyWithRoutes } from './fastify.js';
import { honoRoutes, honoRouteTable } from './hono.js';
import { koaRouters, koaRoutes } from './koa.js';
import { addRoute, joinPaths, type DiscoveredRoutes, type RouteInfo } from './types.js';

export type { DiscoveredRoutes, RouteInfo, SkippedRoute } from './types.js';
export { fillTemplate, DEFAULT_PARAM, WILDCARD_SEGMENT } from './fill.js';

/** A route given by hand: a path (a template such as `/items/:id`, or a concrete one) and, optionally, its methods. */
export type RouteOption = string | { path: string; methods?: readonly string[] };

export interface DiscoverOptions {
  routes?: readonly RouteOption[];
  /** An OpenAPI 3 document: a file path (`openapi.yaml`) or the parsed object. */
  openapi?: string | Record<string, unknown>;
  /** Where the routes come from when the target has no router: the policy's route keys. */
  fallbackPaths?: readonly string[];
  /** Names the option in errors, e.g. `toMatchCorsPolicy options`. */
  argument?: string;
}

export interface RouteDiscovery extends DiscoveredRoutes {
  /** Where the routes came from, e.g. `read from the Express router`. */
  from: string;
}

export async function discoverRoutes(target: unknown, options: DiscoverOptions = {}): Promise<RouteDiscovery> {
  const argument = options.argument ?? 'options';
  if (options.routes !== undefined) return { routes: readRouteOption(options.routes, `${argument}.routes`), skipped: [], from: 'given in the routes option' };
  if (options.openapi !== undefined) {
    const doc = typeof options.openapi === 'string' ? await loadOpenApiDocument(options.openapi, `${argument}.openapi`) : checkDocument(options.openapi, 'the document', `${argument}.openapi`);
    const read = openApiRoutes(doc);
    const routes = read.routes.map((r) => ({ ...r, path: joinPaths(read.basePath, r.path) }));
    return { routes, skipped: [], from: 'read from the OpenAPI document' };
  }
  // An http.Server: its request listener is the app.
  const listener = serverListener(target);
  if (listener) return discoverRoutes(listener, options);
  const stack = expressStack(target);
  if (stack) return { ...expressRoutes(stack), from: 'read from the Express router' };
  const koa = koaRouters(target);
  if (koa && koa.length) return { ...koaRoutes(koa), from: 'read from the Koa router' };
  if (isFastifyWithRoutes(target)) return { ...(await fastifyRoutes(target)), from: 'read from the Fastify router' };
  const hono = honoRouteTable(target);
  if (hono) return { ...honoRoutes(hono), from: 'read from the Hono router' };
  const routes: RouteInfo[] = [];
  addRoute(routes, { path: '/', methods: [], source: 'policy' });
  for (const path of options.fallbackPaths ?? []) addRoute(routes, { path, methods: [], source: 'policy' });
  return { routes, skipped: [], from: "the base URL and the policy's route keys: this target has no router to read, pass routes or openapi to probe more" };
}

function serverListener(target: unknown): unknown {
  const server = target as { listeners?: (event: string) => unknown[]; listen?: unknown } | null;
  if (typeof server !== 'object' || server === null || typeof server.listeners !== 'function' || typeof server.listen !== 'function') return null;
  const [first] = server.listeners('request');
  return typeof first === 'function' ? first : null;
}

function readRouteOption(value: unknown, argument: string): RouteInfo[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidArgumentError(argument, 'expected a non-empty array of paths', "Pass e.g. ['/items', '/items/:id'] or [{ path: '/items', methods: ['GET', 'POST'] }].");
  }
  const routes: RouteInfo[] = [];
  value.forEach((entry, i) => {
    const path = typeof entry === 'string' ? entry : (entry as { path?: unknown } | null)?.path;
    const methods = typeof entry === 'string' ? [] : (entry as { methods?: unknown }).methods ?? [];
    if (typeof path !== 'string' || !path.startsWith('/')) {
      throw new InvalidArgumentError(`${argument}[${i}]`, 'expected a path starting with /', "Pass e.g. '/items/:id'.");
    }
    if (!Array.isArray(methods) || methods.some((m) => typeof m !== 'string')) {
      throw new InvalidArgumentError(`${argument}[${i}].methods`, 'expected an array of method names', "Pass e.g. ['GET', 'PUT'].");
    }
    addRoute(routes, { path, methods: (methods as string[]).map((m) => m.toUpperCase()), source: 'option' });
  });
  return routes;
}
