/**
 * Which well-known CORS middleware an in-process app uses, read from the app itself (its middleware stack or
 * plugin registry; nothing is sent), so a fix can be given as that middleware's options.
 */

/** The CORS middleware corsproof knows the options of. */
export type CorsMiddleware = 'cors' | '@fastify/cors' | 'hono/cors' | '@koa/cors';

type Fn = ((...args: never[]) => unknown) & { stack?: unknown; handle?: unknown };

/** The CORS middleware `target` mounts, or null when it mounts none corsproof knows (or is not an app). */
export function detectCorsMiddleware(target: unknown): CorsMiddleware | null {
  if (target === null || (typeof target !== 'object' && typeof target !== 'function')) return null;
  const app = target as Record<string, unknown>;
  try {
    // Fastify: @fastify/cors registers under its own name (fastify-plugin metadata).
    if (typeof app.hasPlugin === 'function' && (app.hasPlugin as (name: string) => boolean)('@fastify/cors')) return '@fastify/cors';
    // Express and Connect: a layer whose handle is the `cors` package's corsMiddleware, in any nested router.
    const router = (app.router ?? app._router) as { stack?: unknown } | undefined;
    if (typeof target === 'function' && router && hasLayer(router.stack, (fn) => fn.name === 'corsMiddleware')) return 'cors';
    if (typeof target === 'function' && Array.isArray(app.stack) && hasLayer(app.stack, (fn) => fn.name === 'corsMiddleware')) return 'cors';
    // Hono: a route whose handler is hono/cors's `cors` middleware.
    if (Array.isArray(app.routes) && typeof app.fetch === 'function') {
      if ((app.routes as Array<{ handler?: Fn }>).some((r) => typeof r.handler === 'function' && r.handler.name === 'cors' && setsAllowOrigin(r.handler))) return 'hono/cors';
    }
    // Koa: @koa/cors's `cors` middleware in the app's middleware list.
    if (Array.isArray(app.middleware) && typeof app.callback === 'function') {
      if ((app.middleware as Fn[]).some((fn) => typeof fn === 'function' && fn.name === 'cors' && setsAllowOrigin(fn))) return '@koa/cors';
    }
  } catch {
    // An app whose internals throw when read is not one we can read: no middleware form, the header form stands.
  }
  return null;
}

function hasLayer(stack: unknown, match: (fn: Fn) => boolean, depth = 0): boolean {
  if (!Array.isArray(stack) || depth > 8) return false;
  for (const layer of stack as Array<{ handle?: Fn; route?: { stack?: unknown } }>) {
    const handle = layer?.handle;
    if (typeof handle === 'function' && match(handle)) return true;
    if (handle && hasLayer(handle.stack, match, depth + 1)) return true;
    if (layer?.route && hasLayer(layer.route.stack, match, depth + 1)) return true;
  }
  return false;
}

/** Whether a function's source sets Access-Control-Allow-Origin (read once per function: a matcher asks on every call). */
const settingAllowOrigin = new WeakMap<Fn, boolean>();

/** A middleware named `cors` that sets Access-Control-Allow-Origin (not some other function of that name). */
function setsAllowOrigin(fn: Fn): boolean {
  let sets = settingAllowOrigin.get(fn);
  if (sets === undefined) {
    sets = /access-control-allow-origin/i.test(Function.prototype.toString.call(fn));
    settingAllowOrigin.set(fn, sets);
  }
  return sets;
}
