/**
 * A route template made into a path to request: each parameter gets a value (the `params` option by name,
 * then the source's examples, then `1`), each wildcard one segment, and optional parts are left out.
 * Understands Express/Koa (`:id`, `:id?`, `*`, `*splat`, `{/:opt}`), Fastify (`:id`, `*`), Hono
 * (`:id`, `:id{[0-9]+}`, `:id?`, `*`) and OpenAPI (`{id}`).
 */
export const DEFAULT_PARAM = '1';
export const WILDCARD_SEGMENT = 'corsproof';

export interface FilledPath {
  path: string;
  /** The parameters that got a value, and the value. */
  params: Record<string, string>;
}

export function fillTemplate(template: string, params: Readonly<Record<string, string>>, examples: Readonly<Record<string, string>> = {}): FilledPath {
  const used: Record<string, string> = {};
  const valueOf = (name: string, constraint?: string): string => {
    let value = params[name] ?? examples[name] ?? DEFAULT_PARAM;
    if (params[name] === undefined && examples[name] === undefined && constraint && !safeTest(constraint, value)) value = WILDCARD_SEGMENT;
    used[name] = value;
    return encodeURIComponent(value);
  };
  let path = template
    // Express 5 / path-to-regexp 8 optional groups: {/:id}, {.:ext}
    .replace(/\{[^{}]*[:*][^{}]*\}/g, '')
    // OpenAPI {id}
    .replace(/\{([A-Za-z_$][\w$.-]*)\}/g, (_, name: string) => valueOf(name))
    // Express 5 named wildcards *splat, Hono/Fastify/Express 4 bare *
    .replace(/\*[A-Za-z_$][\w$]*|\*/g, () => WILDCARD_SEGMENT)
    // :name with an optional {regex} (Hono) or (regex) (Express 4, Koa) constraint and an optional ?
    .replace(/:([A-Za-z_$][\w$]*)(?:\{((?:[^{}]|\{[^{}]*\})*)\}|\(((?:[^()]|\([^()]*\))*)\))?\??/g, (_, name: string, hono?: string, paren?: string) => valueOf(name, hono ?? paren));
  path = path.replace(/\/{2,}/g, '/');
  if (path.length > 1 && path.endsWith('/') && !template.endsWith('/')) path = path.slice(0, -1);
  return { path: path || '/', params: used };
}

function safeTest(source: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${source})$`).test(value);
  } catch {
    return true;
  }
}
