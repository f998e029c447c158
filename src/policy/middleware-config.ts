/**
 * A policy as middleware options: a JavaScript module that installs `cors` (Express), `@fastify/cors`,
 * `hono/cors` or `@koa/cors` so that the app answers as the policy says. Route scopes become one middleware per
 * scope, picked by the request path, most specific first. What a middleware cannot express is said in the
 * module's header comment, and the closest safe form is printed (a predicate origin is left out: the printed
 * configuration allows fewer origins, never more).
 */
import type { DefinedCorsPolicy, ResolvedCorsRules } from './define.js';
import { describeRule, type OriginRule } from './origin-rules.js';
import type { RouteKey } from './route-keys.js';

export type MiddlewareName = 'express' | 'fastify' | 'hono' | 'koa';
export const MIDDLEWARES: readonly MiddlewareName[] = ['express', 'fastify', 'hono', 'koa'];

export interface MiddlewareConfig {
  framework: MiddlewareName;
  /** The npm package that implements it. */
  package: string;
  /** An ES module exporting `applyCors(app)`. */
  code: string;
  /** What the middleware cannot express, and what was printed instead. */
  notes: string[];
}

const PACKAGES: Record<MiddlewareName, string> = { express: 'cors', fastify: '@fastify/cors', hono: 'hono', koa: '@koa/cors' };

interface Scope {
  key: string;
  route: RouteKey | null;
  rules: ResolvedCorsRules;
}

export function middlewareConfig(policy: DefinedCorsPolicy, framework: MiddlewareName, source = 'the policy'): MiddlewareConfig {
  const notes: string[] = [];
  const scopes: Scope[] = [...policy.routes.map((r) => ({ key: r.key, route: r.route, rules: r.rules })), { key: '*', route: null, rules: policy.rules }];
  for (const scope of scopes) {
    if (scope.rules.origins.any) continue;
    for (const rule of scope.rules.origins.rules) {
      if (rule.kind === 'predicate') {
        notes.push(`${describeRule(rule)}${scope.key === '*' ? '' : ` (routes '${scope.key}')`} is code in the policy and cannot be printed: it is left out, so only the listed origins are allowed. Add your check to the origin function by hand.`);
      }
    }
  }
  const body = BUILDERS[framework](scopes);
  const header = [
    `// CORS for ${frameworkName(framework)}, from ${source} (corsproof config --for ${framework}).`,
    `// npm install ${PACKAGES[framework]}`,
    ...notes.map((n) => `// Note: ${n}`),
    '',
  ];
  return { framework, package: PACKAGES[framework], code: `${header.join('\n')}${body}`, notes };
}

function frameworkName(framework: MiddlewareName): string {
  return { express: 'Express (cors)', fastify: 'Fastify (@fastify/cors)', hono: 'Hono (hono/cors)', koa: 'Koa (@koa/cors)' }[framework];
}

const BUILDERS: Record<MiddlewareName, (scopes: Scope[]) => string> = {
  express(scopes) {
    const options = scopes.map((s) => corsPackageOptions(s.rules));
    if (scopes.length === 1) {
      return `import cors from 'cors';\n\nexport const corsOptions = ${options[0]};\n\n/** Install before your routes: applyCors(app). */\nexport function applyCors(app) {\n  app.use(cors(corsOptions));\n}\n`;
    }
    return `import cors from 'cors';\n\n${scopeTable(scopes, options)}\n\n/** Install before your routes: applyCors(app). */\nexport function applyCors(app) {\n  const middleware = scopes.map((scope) => ({ path: scope.path, handle: cors(scope.options) }));\n  app.use((req, res, next) => middleware.find((m) => m.path.test(req.path)).handle(req, res, next));\n}\n`;
  },
  fastify(scopes) {
    const options = scopes.map((s) => corsPackageOptions(s.rules));
    if (scopes.length === 1) {
      return `import fastifyCors from '@fastify/cors';\n\nexport const corsOptions = ${options[0]};\n\n/** Register before your routes: await applyCors(app). */\nexport async function applyCors(app) {\n  await app.register(fastifyCors, corsOptions);\n}\n`;
    }
    return `import fastifyCors from '@fastify/cors';\n\n${scopeTable(scopes, options)}\n\n/** Register before your routes: await applyCors(app). */\nexport async function applyCors(app) {\n  await app.register(fastifyCors, {\n    delegator(req, callback) {\n      const path = req.url.split('?')[0];\n      callback(null, scopes.find((scope) => scope.path.test(path)).options);\n    },\n  });\n}\n`;
  },
  hono(scopes) {
    const options = scopes.map((s) => honoOptions(s.rules));
    const helper = scopes.some((s) => !s.rules.origins.any) ? `\n\n${ALLOWED_HELPER}` : '';
    if (scopes.length === 1) {
      return `import { cors } from 'hono/cors';${helper}\n\nexport const corsOptions = ${options[0]};\n\n/** Install before your routes: applyCors(app). */\nexport function applyCors(app) {\n  app.use('*', cors(corsOptions));\n}\n`;
    }
    return `import { cors } from 'hono/cors';${helper}\n\n${scopeTable(scopes, options)}\n\n/** Install before your routes: applyCors(app). */\nexport function applyCors(app) {\n  const middleware = scopes.map((scope) => ({ path: scope.path, handle: cors(scope.options) }));\n  app.use('*', (c, next) => middleware.find((m) => m.path.test(c.req.path)).handle(c, next));\n}\n`;
  },
  koa(scopes) {
    const options = scopes.map((s) => koaOptions(s.rules));
    const helper = scopes.some((s) => !s.rules.origins.any) ? `\n\n${ALLOWED_HELPER}` : '';
    // Koa drops every header of a response when a route throws; @koa/cors keeps its own (keepHeadersOnError), not Vary.
    const keepVary = `  app.use(async (ctx, next) => {\n    try {\n      await next();\n    } catch (error) {\n      error.headers = { ...error.headers, vary: 'Origin' };\n      throw error;\n    }\n  });\n`;
    if (scopes.length === 1) {
      return `import cors from '@koa/cors';${helper}\n\nexport const corsOptions = ${options[0]};\n\n/** Install before your routes: applyCors(app). */\nexport function applyCors(app) {\n${keepVary}  app.use(cors(corsOptions));\n}\n`;
    }
    return `import cors from '@koa/cors';${helper}\n\n${scopeTable(scopes, options)}\n\n/** Install before your routes: applyCors(app). */\nexport function applyCors(app) {\n  const middleware = scopes.map((scope) => ({ path: scope.path, handle: cors(scope.options) }));\n${keepVary}  app.use((ctx, next) => middleware.find((m) => m.path.test(ctx.path)).handle(ctx, next));\n}\n`;
  },
};

const ALLOWED_HELPER = `/** Whether the request's Origin is one of \`allowed\` (exact origins, and RegExps for patterns). */
function allowedOrigin(allowed, origin) {
  return allowed.some((entry) => (typeof entry === 'string' ? entry === origin : entry.test(origin)));
}`;

/** `const scopes = [{ path: /^...$/, options: {...} }, ...]`, most specific first, the top level last. */
function scopeTable(scopes: Scope[], options: string[]): string {
  const rows = scopes.map((s, i) => {
    const comment = s.route ? `// routes '${s.key}'` : '// everything else';
    return `  ${comment}\n  { path: ${s.route ? routeRegExp(s.route) : '/^/'}, options: ${indent(options[i], '  ')} },`;
  });
  return `// One set of options per route scope of the policy, most specific first.\nconst scopes = [\n${rows.join('\n')}\n];`;
}

/** A RegExp matching the request paths a route key covers. */
export function routeRegExp(route: RouteKey): string {
  const segments = route.segments.map((s) => (s === null ? '\\/[^/]+' : `\\/${escapeRegExp(s)}`)).join('');
  return route.prefix ? `/^${segments}(?:\\/|$)/` : `/^${segments}\\/?$/`;
}

/** Options of `cors` and `@fastify/cors` (the same names). */
function corsPackageOptions(rules: ResolvedCorsRules): string {
  const fields: string[] = [];
  fields.push(`origin: ${rules.origins.any ? "'*'" : printable(rules.origins.rules).length ? `[${printable(rules.origins.rules).join(', ')}]` : 'false'}`);
  fields.push(`methods: ${list(rules.methods)}`);
  if (rules.headers !== '*') fields.push(`allowedHeaders: ${list(rules.headers)}`);
  if (rules.exposeHeaders.length) fields.push(`exposedHeaders: ${list(rules.exposeHeaders)}`);
  fields.push(`credentials: ${rules.credentials}`);
  if (rules.maxAge !== null) fields.push(`maxAge: ${rules.maxAge}`);
  return object(fields);
}

function honoOptions(rules: ResolvedCorsRules): string {
  const fields: string[] = [];
  if (rules.origins.any) fields.push("origin: '*'");
  else fields.push(`origin: (origin) => (allowedOrigin([${printable(rules.origins.rules).join(', ')}], origin) ? origin : null)`);
  fields.push(`allowMethods: ${list(rules.methods)}`);
  // An empty allowHeaders makes hono/cors echo the requested headers: that is the policy's '*'.
  fields.push(`allowHeaders: ${rules.headers === '*' ? '[]' : list(rules.headers)}`);
  if (rules.exposeHeaders.length) fields.push(`exposeHeaders: ${list(rules.exposeHeaders)}`);
  fields.push(`credentials: ${rules.credentials}`);
  if (rules.maxAge !== null) fields.push(`maxAge: ${rules.maxAge}`);
  return object(fields);
}

function koaOptions(rules: ResolvedCorsRules): string {
  const fields: string[] = [];
  if (rules.origins.any) fields.push("origin: '*'");
  else fields.push(`origin: (ctx) => (allowedOrigin([${printable(rules.origins.rules).join(', ')}], ctx.get('Origin')) ? ctx.get('Origin') : '')`);
  fields.push(`allowMethods: ${list(rules.methods)}`);
  if (rules.headers !== '*') fields.push(`allowHeaders: ${list(rules.headers)}`);
  if (rules.exposeHeaders.length) fields.push(`exposeHeaders: ${list(rules.exposeHeaders)}`);
  fields.push(`credentials: ${rules.credentials}`);
  if (rules.maxAge !== null) fields.push(`maxAge: ${rules.maxAge}`);
  return object(fields);
}

/** Exact origins as strings, patterns as anchored RegExps; predicates cannot be printed. */
function printable(rules: readonly OriginRule[]): string[] {
  return rules.flatMap((rule) => {
    if (rule.kind === 'exact') return [quote(rule.origin)];
    if (rule.kind === 'predicate') return [];
    const host = rule.labels.map((l) => (l === '*' ? '[a-z0-9-]+' : escapeRegExp(l))).join('\\.');
    return [`/^${rule.scheme}:\\/\\/${host}${rule.port ? `:${rule.port}` : ''}$/`];
  });
}

function list(items: readonly string[]): string {
  return `[${items.map(quote).join(', ')}]`;
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function object(fields: string[]): string {
  return `{\n${fields.map((f) => `  ${f},`).join('\n')}\n}`;
}

function indent(text: string, prefix: string): string {
  return text.split('\n').map((l, i) => (i === 0 ? l : `${prefix}${l}`)).join('\n');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
