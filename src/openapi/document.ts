/**
 * OpenAPI 3 documents: loaded from a `.yaml`, `.yml` or `.json` file (or taken as an object), checked, and read
 * for what corsproof needs: the operations (path and method), the base path of the first server, and example
 * values of path parameters (`example`, `examples`, `schema.example`, `schema.default`, `schema.enum[0]`),
 * with local `$ref`s followed. Every problem is a typed error naming the document. The `yaml` package is loaded
 * only when a document is YAML. Shared by route discovery (policies, `verify`) and `corsproof audit --openapi`.
 */
import { nodeFs, nodePath } from '../node-builtins.js';
import { InvalidArgumentError } from '../errors.js';
import type { RouteInfo } from '../routes/types.js';

export interface OpenApiRoutes {
  /** The path of the first server's URL (`/v1` for `https://api.example.com/v1`), `''` when none. */
  basePath: string;
  /** The first server's URL with its variables' defaults filled in, as written (it may be relative), or null. */
  serverUrl: string | null;
  /** `info.title`, or null. */
  title: string | null;
  /** One entry per path, its operations' methods, and its path parameters' example values. */
  routes: RouteInfo[];
  /** Path parameters with no example in the document, by route path. */
  missingExamples: Array<{ path: string; param: string }>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Read and parse a document file. */
export async function loadOpenApiDocument(file: string, argument = 'openapi'): Promise<Record<string, unknown>> {
  const path = nodePath().resolve(file);
  let text: string;
  try {
    text = await nodeFs().readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InvalidArgumentError(argument, code === 'ENOENT' ? `'${file}' does not exist` : `'${file}' could not be read (${code ?? String(error)})`, 'Pass the path of an OpenAPI 3 document (.yaml, .yml or .json).');
  }
  const json = nodePath().extname(path).toLowerCase() === '.json' || text.trimStart().startsWith('{');
  return parseOpenApiText(text, file, json ? 'json' : 'yaml', argument);
}

export async function parseOpenApiText(text: string, source: string, format: 'json' | 'yaml', argument = 'openapi'): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = format === 'json' ? JSON.parse(text) : (await import('yaml')).parse(text, { maxAliasCount: 100 });
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new InvalidArgumentError(argument, `'${source}' is not valid ${format === 'json' ? 'JSON' : 'YAML'} (${detail})`, 'Fix the document; `npx @redocly/cli lint` points at the line.');
  }
  return checkDocument(value, source, argument);
}

export function checkDocument(value: unknown, source: string, argument = 'openapi'): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidArgumentError(argument, `'${source}' is not an OpenAPI document (expected an object at the top)`, 'Pass an OpenAPI 3 document.');
  }
  const doc = value as Record<string, unknown>;
  if (typeof doc.openapi !== 'string' || !/^3\.\d+(\.\d+)?/.test(doc.openapi)) {
    const swagger = typeof doc.swagger === 'string' ? ` (it is Swagger ${doc.swagger})` : '';
    throw new InvalidArgumentError(argument, `'${source}' is not an OpenAPI 3 document: its 'openapi' field is ${JSON.stringify(doc.openapi) ?? 'missing'}${swagger}`, 'Convert it to OpenAPI 3 (e.g. with swagger2openapi), or pass the routes option instead.');
  }
  if (doc.paths === null || typeof doc.paths !== 'object' || Array.isArray(doc.paths)) {
    throw new InvalidArgumentError(argument, `'${source}' has no 'paths' object`, 'An OpenAPI document lists its operations under paths.');
  }
  return doc;
}

/** The routes of a checked document. */
export function openApiRoutes(doc: Record<string, unknown>): OpenApiRoutes {
  const routes: RouteInfo[] = [];
  const missingExamples: OpenApiRoutes['missingExamples'] = [];
  for (const [path, rawItem] of Object.entries(doc.paths as Record<string, unknown>)) {
    if (!path.startsWith('/')) continue;
    const item = deref(doc, rawItem);
    if (item === null || typeof item !== 'object') continue;
    const record = item as Record<string, unknown>;
    const methods = METHODS.filter((m) => record[m] && typeof record[m] === 'object').map((m) => m.toUpperCase());
    if (methods.length === 0) continue;
    const examples: Record<string, string> = {};
    const params = [...asArray(record.parameters), ...METHODS.flatMap((m) => asArray((deref(doc, record[m]) as Record<string, unknown> | null)?.parameters))];
    for (const raw of params) {
      const p = deref(doc, raw) as Record<string, unknown> | null;
      if (!p || p.in !== 'path' || typeof p.name !== 'string' || examples[p.name] !== undefined) continue;
      const example = exampleOf(doc, p);
      if (example !== undefined) examples[p.name] = example;
    }
    for (const [, name] of path.matchAll(/\{([^{}]+)\}/g)) if (examples[name] === undefined) missingExamples.push({ path, param: name });
    routes.push({ path, methods, source: 'openapi', examples });
  }
  const serverUrl = firstServerUrl(doc);
  const title = (doc.info as { title?: unknown } | undefined)?.title;
  return { basePath: serverBasePath(serverUrl), serverUrl, title: typeof title === 'string' ? title : null, routes, missingExamples };
}

function exampleOf(doc: Record<string, unknown>, p: Record<string, unknown>): string | undefined {
  const schema = deref(doc, p.schema) as Record<string, unknown> | null;
  const firstExample = p.examples && typeof p.examples === 'object' ? Object.values(p.examples as Record<string, unknown>).map((e) => (deref(doc, e) as { value?: unknown } | null)?.value).find((v) => v !== undefined) : undefined;
  const candidates = [p.example, firstExample, schema?.example, Array.isArray(schema?.examples) ? schema.examples[0] : undefined, schema?.default, Array.isArray(schema?.enum) ? schema.enum[0] : undefined];
  const found = candidates.find((c) => c !== undefined && c !== null && (typeof c === 'string' || typeof c === 'number' || typeof c === 'boolean'));
  return found === undefined ? undefined : String(found);
}

function firstServerUrl(doc: Record<string, unknown>): string | null {
  const first = asArray(doc.servers)[0] as { url?: unknown; variables?: Record<string, { default?: unknown }> } | undefined;
  if (!first || typeof first.url !== 'string') return null;
  return first.url.replace(/\{([^{}]+)\}/g, (_, name: string) => String(first.variables?.[name]?.default ?? ''));
}

function serverBasePath(url: string | null): string {
  if (url === null) return '';
  try {
    return new URL(url, 'http://corsproof.invalid').pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/** Follow local `$ref`s (`#/components/...`), at most 20 deep. */
function deref(doc: Record<string, unknown>, value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 20) return value;
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return value;
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return deref(doc, node, depth + 1);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
