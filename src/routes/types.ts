/**
 * A route as a router (or an OpenAPI document) declares it: a path template and the methods it answers.
 */
export interface RouteInfo {
  /** The path as declared, e.g. `/items/:id` (Express, Koa, Fastify, Hono) or `/items/{id}` (OpenAPI). */
  path: string;
  /** Upper-case methods; empty when the route answers every method (`app.all`). */
  methods: string[];
  /** Where it was read from. */
  source: 'express' | 'koa' | 'fastify' | 'hono' | 'openapi' | 'policy' | 'option';
  /** Parameter values the source gives (OpenAPI examples), by name. */
  examples?: Record<string, string>;
}

/** A route the reader found but cannot turn into a URL (a RegExp path), with why. */
export interface SkippedRoute {
  path: string;
  why: string;
}

export interface DiscoveredRoutes {
  routes: RouteInfo[];
  skipped: SkippedRoute[];
}

/** Add a route, merging methods into an existing entry with the same path. */
export function addRoute(into: RouteInfo[], input: RouteInfo): void {
  const route = input.path.startsWith('/') ? input : { ...input, path: `/${input.path}` };
  const existing = into.find((r) => r.path === route.path);
  if (!existing) {
    into.push({ ...route, methods: [...new Set(route.methods)] });
    return;
  }
  if (existing.methods.length === 0) return;
  if (route.methods.length === 0) existing.methods = [];
  else for (const m of route.methods) if (!existing.methods.includes(m)) existing.methods.push(m);
}

export function joinPaths(prefix: string, path: string): string {
  const a = prefix.replace(/\/+$/, '');
  const b = path === '' || path === '/' ? '' : path.startsWith('/') ? path : `/${path}`;
  return `${a}${b}` || '/';
}
