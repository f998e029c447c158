/**
 * The routes of a Fastify instance. Fastify keeps its router private and prints it as a tree
 * (`printRoutes()`, after `ready()`): the tree's segments, joined from the root, are the route paths, and each
 * one is confirmed with `hasRoute()` before it is used.
 */
import { addRoute, type DiscoveredRoutes, type RouteInfo } from './types.js';

interface FastifyRoutesLike {
  printRoutes(options?: Record<string, unknown>): string;
  hasRoute(options: { method: string; url: string }): boolean;
  ready(): PromiseLike<unknown>;
}

export function isFastifyWithRoutes(target: unknown): target is FastifyRoutesLike {
  const t = target as Partial<FastifyRoutesLike> | null;
  return typeof t === 'object' && t !== null && typeof t.printRoutes === 'function' && typeof t.hasRoute === 'function' && typeof t.ready === 'function';
}

export async function fastifyRoutes(app: FastifyRoutesLike): Promise<DiscoveredRoutes> {
  await app.ready();
  const routes: RouteInfo[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes().split('\n')) {
    // Each level is 4 characters of tree drawing ("│   ", "├── ", "└── ").
    const match = /^((?:[│ ] {3})*)(?:[├└]── )(.*)$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    const node = /^(.*?)(?: \(([A-Z, ]+)\))?(?: \{.*\})?$/.exec(match[2]);
    if (!node) continue;
    stack.length = depth;
    stack.push(node[1] === '(empty root node)' ? '' : node[1]);
    if (!node[2]) continue;
    const path = stack.join('');
    const methods = node[2].split(',').map((m) => m.trim()).filter((m) => m && app.hasRoute({ method: m, url: path }));
    // OPTIONS-only routes are CORS plugins' preflight handlers (@fastify/cors registers OPTIONS *), not the API's.
    if (methods.length === 0 || methods.every((m) => m === 'OPTIONS')) continue;
    addRoute(routes, { path: path.startsWith('/') ? path : `/${path}`, methods, source: 'fastify' });
  }
  return { routes, skipped: [] };
}
