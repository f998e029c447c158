/**
 * Route scopes of a policy: `routes: { '/api/admin/*': {...}, '/items/:id': {...} }`. A key is a path that
 * starts with `/`; a segment `:name` or `{name}` matches any one segment; a key ending in `/*` is a prefix
 * (it matches the path itself and everything under it). The most specific key wins: an exact key before any
 * prefix, then the key with more segments, then the one with more fixed segments.
 */
import { InvalidArgumentError } from '../errors.js';

export interface RouteKey {
  /** As written in the policy. */
  key: string;
  /** Segments without the trailing `*`; `null` stands for a parameter. */
  segments: ReadonlyArray<string | null>;
  prefix: boolean;
}

export function parseRouteKey(key: string, argument: string): RouteKey {
  const fail = (problem: string): never => {
    throw new InvalidArgumentError(argument, `'${key}' ${problem}`, "Write a path such as '/items/:id', or a prefix such as '/api/admin/*'.");
  };
  if (!key.startsWith('/')) fail('does not start with /');
  if (/[?#\s]/.test(key)) fail('has a query, fragment or space');
  const parts = key.split('/').slice(1);
  let prefix = false;
  if (parts[parts.length - 1] === '*') {
    prefix = true;
    parts.pop();
  }
  if (parts.length === 1 && parts[0] === '') parts.pop();
  const segments = parts.map((part) => {
    if (part.includes('*')) fail("has '*' before the end: only a final '/*' (a prefix) is allowed");
    if (part === '' ) fail('has an empty segment (//)');
    if (/^:[A-Za-z_$][\w$]*$/.test(part) || /^\{[A-Za-z_$][\w$]*\}$/.test(part)) return null;
    if (/[:{}]/.test(part)) fail(`has '${part}', which is neither a fixed segment nor a parameter (:name or {name})`);
    return part;
  });
  return { key, segments, prefix };
}

/** Split a request path (no query) into segments, decoded where possible. */
export function pathSegments(path: string): string[] {
  const clean = path.split(/[?#]/)[0];
  const parts = clean.split('/').slice(1);
  if (parts.length && parts[parts.length - 1] === '') parts.pop();
  return parts.map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
}

export function routeKeyMatches(route: RouteKey, segments: readonly string[]): boolean {
  if (route.prefix ? segments.length < route.segments.length : segments.length !== route.segments.length) return false;
  return route.segments.every((s, i) => s === null || s === segments[i]);
}

/** Negative when `a` is more specific than `b`. */
export function compareSpecificity(a: RouteKey, b: RouteKey): number {
  if (a.prefix !== b.prefix) return a.prefix ? 1 : -1;
  if (a.segments.length !== b.segments.length) return b.segments.length - a.segments.length;
  const fixed = (r: RouteKey) => r.segments.filter((s) => s !== null).length;
  return fixed(b) - fixed(a);
}

/** Whether prefix key `outer` covers every path `inner` matches (and is not `inner` itself). */
export function encloses(outer: RouteKey, inner: RouteKey): boolean {
  if (!outer.prefix || outer === inner) return false;
  if (inner.segments.length < outer.segments.length) return false;
  if (inner.segments.length === outer.segments.length && inner.prefix) return false;
  return outer.segments.every((s, i) => s === null || s === inner.segments[i]);
}
