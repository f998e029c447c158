/**
 * The routes of a Hono app: `app.routes`, without the middleware `app.use()` registered (entries for every
 * method whose handler takes `next`).
 */
import { addRoute, type DiscoveredRoutes, type RouteInfo } from './types.js';

interface HonoRoute {
  path: string;
  method: string;
  handler: (...args: unknown[]) => unknown;
}

export function honoRouteTable(target: unknown): HonoRoute[] | null {
  const t = target as { routes?: unknown; fetch?: unknown; request?: unknown } | null;
  if (typeof t !== 'object' || t === null || typeof t.fetch !== 'function' || typeof t.request !== 'function' || !Array.isArray(t.routes)) return null;
  return t.routes as HonoRoute[];
}

export function honoRoutes(table: HonoRoute[]): DiscoveredRoutes {
  const routes: RouteInfo[] = [];
  for (const entry of table) {
    const all = entry.method === 'ALL';
    // app.use(path, middleware) registers ALL with a handler of (c, next).
    if (all && typeof entry.handler === 'function' && entry.handler.length >= 2) continue;
    addRoute(routes, { path: entry.path, methods: all ? [] : [entry.method.toUpperCase()], source: 'hono' });
  }
  return { routes, skipped: [] };
}
