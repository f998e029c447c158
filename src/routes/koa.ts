/**
 * The routes of a Koa app: every `@koa/router` (or `koa-router`) mounted with `app.use(router.routes())`,
 * whose layers carry their full path (prefixes and nested routers applied) and methods.
 */
import { addRoute, type DiscoveredRoutes, type RouteInfo, type SkippedRoute } from './types.js';

interface KoaLayer {
  path: unknown;
  methods: string[];
}

interface RouterLike {
  stack: KoaLayer[];
}

/** The routers mounted on a Koa app (or a router itself); `null` when `target` is neither. */
export function koaRouters(target: unknown): RouterLike[] | null {
  if (typeof target !== 'object' || target === null) return null;
  if (isRouter(target)) return [target];
  const middleware = (target as { middleware?: unknown }).middleware;
  if (!Array.isArray(middleware) || typeof (target as { callback?: unknown }).callback !== 'function') return null;
  return middleware.map((m) => (m as { router?: unknown }).router).filter(isRouter);
}

function isRouter(value: unknown): value is RouterLike {
  return typeof value === 'object' && value !== null && Array.isArray((value as RouterLike).stack) && typeof (value as { routes?: unknown }).routes === 'function';
}

export function koaRoutes(routers: RouterLike[]): DiscoveredRoutes {
  const routes: RouteInfo[] = [];
  const skipped: SkippedRoute[] = [];
  for (const router of routers) {
    for (const layer of router.stack) {
      // Layers without methods are router.use() middleware, not routes.
      if (!Array.isArray(layer.methods) || layer.methods.length === 0) continue;
      if (typeof layer.path !== 'string') {
        skipped.push({ path: String(layer.path), why: 'a RegExp route: pass its URL in the routes option' });
        continue;
      }
      addRoute(routes, { path: layer.path || '/', methods: layer.methods.map((m) => m.toUpperCase()), source: 'koa' });
    }
  }
  return { routes, skipped };
}
