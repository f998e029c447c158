/**
 * The routes of an Express app (4 and 5) or Connect-style router: walked from the app's router stack, nested
 * routers included (Connect apps too: each mount path is a route). Express 5 keeps each layer's path (`rawPath`, router >= 2.3); Express 4 keeps only the
 * layer's RegExp, which is turned back into the mount path it was made from.
 */
import { addRoute, joinPaths, type DiscoveredRoutes, type RouteInfo, type SkippedRoute } from './types.js';

interface Layer {
  name?: string;
  handle?: { stack?: unknown[] };
  /** Express: the route; Connect: the mount path. */
  route?: { path: unknown; methods: Record<string, boolean> } | string;
  rawPath?: unknown;
  slash?: boolean;
  regexp?: RegExp & { fast_slash?: boolean };
  keys?: Array<{ name: string | number }>;
}

/** The router of an Express app (4: `_router`, 5: `router`) or the Router itself; `null` for anything else. */
export function expressStack(target: unknown): unknown[] | null {
  if (typeof target !== 'function' && (typeof target !== 'object' || target === null)) return null;
  const t = target as { _router?: { stack?: unknown }; router?: { stack?: unknown }; stack?: unknown; handle?: unknown; use?: unknown };
  if (typeof t.handle !== 'function' || typeof t.use !== 'function') return null;
  // Express 4 has `_router` (Express 5 throws on reading it, so check the own key first).
  const four = Object.hasOwn(t, '_router') ? t._router : undefined;
  const five = !four && (typeof t.router === 'object' || typeof t.router === 'function') && t.router !== null ? (t.router as { stack?: unknown }) : undefined;
  const stack = four?.stack ?? five?.stack ?? t.stack;
  return Array.isArray(stack) ? stack : null;
}

export function expressRoutes(stack: unknown[]): DiscoveredRoutes {
  const routes: RouteInfo[] = [];
  const skipped: SkippedRoute[] = [];
  walk(stack as Layer[], '', routes, skipped);
  return { routes, skipped };
}

function walk(stack: Layer[], prefix: string, routes: RouteInfo[], skipped: SkippedRoute[]): void {
  for (const layer of stack) {
    if (typeof layer.route === 'string') {
      // Connect: every app.use(path, handler) is a mount path, answering every method.
      const inner = layer.handle?.stack;
      if (Array.isArray(inner)) walk(inner as Layer[], joinPaths(prefix, layer.route), routes, skipped);
      else addRoute(routes, { path: joinPaths(prefix, layer.route), methods: [], source: 'express' });
      continue;
    }
    if (layer.route) {
      const methods = Object.entries(layer.route.methods)
        .filter(([m, on]) => on && m !== '_all')
        .map(([m]) => m.toUpperCase());
      // app.all(): `_all` (Express 4), or every method node knows (Express 5).
      const all = layer.route.methods._all === true || methods.length >= 20;
      for (const path of asPaths(layer.route.path)) {
        if (typeof path !== 'string') {
          skipped.push({ path: `${prefix}${String(path)}`, why: 'a RegExp route: pass its URL in the routes option' });
          continue;
        }
        addRoute(routes, { path: joinPaths(prefix, path), methods: all ? [] : methods, source: 'express' });
      }
      continue;
    }
    const inner = layer.handle?.stack;
    if (!Array.isArray(inner)) continue;
    const mounts = mountPaths(layer);
    if (mounts === null) {
      skipped.push({ path: `${prefix}${String(layer.regexp ?? layer.rawPath)}`, why: 'a router mounted on a path corsproof cannot read back: pass its routes in the routes option' });
      continue;
    }
    for (const mount of mounts) walk(inner as Layer[], joinPaths(prefix, mount), routes, skipped);
  }
}

function asPaths(path: unknown): unknown[] {
  return Array.isArray(path) ? path.flat(Infinity) : [path];
}

/** The paths a router layer is mounted on; `null` when they cannot be recovered. */
function mountPaths(layer: Layer): string[] | null {
  if (layer.rawPath !== undefined) {
    const paths = asPaths(layer.rawPath);
    return paths.every((p) => typeof p === 'string') ? (paths as string[]) : null;
  }
  if (layer.slash || layer.regexp?.fast_slash) return [''];
  if (!layer.regexp) return null;
  // Express 4 (path-to-regexp 0.1): /^\/users(?:\/([^/]+?))\/?(?=\/|$)/i for '/users/:id'; several paths are joined by |.
  const keys = [...(layer.keys ?? [])];
  const out: string[] = [];
  for (const alternative of layer.regexp.source.split('|^')) {
    let source = alternative.replace(/^\^/, '').replace(/\\\/\?\(\?=\\\/\|\$\)$/, '');
    source = source.replace(/\(\?:\\\/\(\[\^\/\]\+\?\)\)(\?)?/g, (_, optional: string | undefined) => `/:${String(keys.shift()?.name ?? 'param')}${optional ?? ''}`);
    source = source.replace(/\\([/.\-])/g, '$1');
    if (/[\\^$()[\]|+*]/.test(source)) return null;
    out.push(source);
  }
  return out;
}
