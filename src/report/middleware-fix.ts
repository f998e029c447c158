/**
 * A verdict's fix in the form of the CORS middleware the app mounts: the options to change and their new
 * values (`cors` for Express and Connect, `@fastify/cors`, `hono/cors`, `@koa/cors`), worked out from the fix's
 * changes to the server's answers.
 */
import type { CorsMiddleware } from '../targets/cors-middleware.js';
import type { BlockReason, FixChange } from '../types.js';

interface OptionNames {
  /** Whether `origin` takes a list of origins (Koa's takes one origin, or a function). */
  originList: boolean;
  methods: string;
  headers: string;
  /** How to make the middleware answer the preflight itself, when something else answers it now. */
  answerPreflights: string;
}

const OPTIONS: Record<CorsMiddleware, OptionNames> = {
  cors: { originList: true, methods: 'methods', headers: 'allowedHeaders', answerPreflights: "mount cors(...) before the routes and auth that answer OPTIONS now (app.use(cors(options)) first; keep preflightContinue: false)" },
  '@fastify/cors': { originList: true, methods: 'methods', headers: 'allowedHeaders', answerPreflights: 'register @fastify/cors before the routes and hooks that answer OPTIONS now (keep preflight: true)' },
  'hono/cors': { originList: true, methods: 'allowMethods', headers: 'allowHeaders', answerPreflights: "app.use(path, cors(options)) before the routes and middleware that answer OPTIONS now, on a path that covers this URL" },
  '@koa/cors': { originList: false, methods: 'allowMethods', headers: 'allowHeaders', answerPreflights: 'app.use(cors(options)) before the middleware that answers OPTIONS now' },
};

export interface MiddlewareFix {
  middleware: CorsMiddleware;
  /** Options and their new values, e.g. `{ allowedHeaders: ['content-type', 'x-csrf-token'] }`. */
  options: Record<string, string | boolean | string[]>;
  /** What to do besides setting options (mount order, routes the request is redirected to). */
  notes: string[];
}

/** The fix as the middleware's options; null when the fix has no change a middleware option makes. */
export function middlewareFix(reason: BlockReason, middleware: CorsMiddleware): MiddlewareFix | null {
  if (!reason.fix) return null;
  const names = OPTIONS[middleware];
  const options: MiddlewareFix['options'] = {};
  const notes: string[] = [];
  // The changes to the answer that failed: the middleware sends the same options on the preflight and the response.
  const on = reason.preflight ? 'preflight' : 'response';
  const direct = reason.fix.filter((c): c is Extract<FixChange, { url: string }> => 'url' in c && c.on === on);
  // Something other than the middleware answered the preflight (a 401, a 404, a 500): the middleware's own answer
  // carries the headers once it gets to answer, so mounting it first is the whole fix.
  if (direct.some((c) => c.kind === 'status' && c.on === 'preflight')) return { middleware, options: {}, notes: [names.answerPreflights] };
  for (const change of direct) {
    if (change.kind !== 'header') continue;
    switch (change.header.toLowerCase()) {
      case 'access-control-allow-origin':
        options.origin = change.value === 'null' || !names.originList ? change.value : [change.value];
        if (change.value !== 'null') {
          notes.push(names.originList ? "keep the other origins you allow in that list (never '*' or true with credentials)" : 'for several origins, pass a function of ctx that returns the request origin when it is allowed');
        }
        break;
      case 'access-control-allow-credentials':
        options.credentials = true;
        break;
      case 'access-control-allow-methods':
        options[names.methods] = list(change.value);
        break;
      case 'access-control-allow-headers':
        options[names.headers] = list(change.value);
        break;
    }
  }
  // A response that failed as a redirect: the request goes on to another URL, which needs the same options.
  if (!reason.preflight && reason.fix.some((c) => c.kind === 'later-header')) notes.push('mount it with the same options on the route this request is redirected to');
  if (Object.keys(options).length === 0 && notes.length === 0) return null;
  return { middleware, options, notes };
}

/** One line: `{ allowedHeaders: ['content-type', 'x-csrf-token'] }; and mount ...`. */
export function middlewareFixSentence(fix: MiddlewareFix): string {
  const parts: string[] = [];
  const options = Object.entries(fix.options).map(([name, value]) => `${name}: ${source(value)}`);
  if (options.length > 0) parts.push(`${fix.middleware}({ ${options.join(', ')} })`);
  parts.push(...fix.notes);
  return parts.join('; ');
}

function list(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter(Boolean);
}

/** A value as JavaScript source. */
function source(value: string | boolean | string[]): string {
  if (Array.isArray(value)) return `[${value.map(quote).join(', ')}]`;
  return typeof value === 'string' ? quote(value) : String(value);
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
