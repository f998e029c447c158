/**
 * OpenAPI 3 documents (JSON or YAML): every path and method as a URL to call, path parameters filled in from
 * their examples or defaults. YAML support (the `yaml` package) is loaded only when a document is YAML.
 * Shared by `corsproof audit --openapi` and any other command that reads an API description.
 */
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError } from '../errors.js';

export interface OpenApiOperation {
  /** The path template as written, e.g. `/users/{id}`. */
  path: string;
  /** Upper-case method, e.g. `GET`. */
  method: string;
  operationId?: string;
}

export interface OpenApiDocument {
  title: string | null;
  /** The first server's URL with its variables filled in (may be relative, e.g. `/v1`), or null. */
  server: string | null;
  operations: OpenApiOperation[];
  /** `path` -> the same path with every `{param}` replaced by a value. */
  concretePaths: Map<string, string>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parse a document's text: JSON when it looks like JSON, else YAML (loaded on demand). */
export async function parseDocument(text: string, where: string): Promise<unknown> {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new InvalidArgumentError(where, `not valid JSON (${(error as Error).message})`, 'Fix the document, or pass it as YAML.');
    }
  }
  const yaml = await import('yaml');
  try {
    return yaml.parse(text, { maxAliasCount: 1000 });
  } catch (error) {
    throw new InvalidArgumentError(where, `not valid YAML (${(error as Error).message.split('\n')[0]})`, 'Fix the document (an OpenAPI 3 document in YAML or JSON).');
  }
}

/** Read and interpret an OpenAPI 3 document from a file. */
export async function loadOpenApiFile(file: string, where = '--openapi'): Promise<OpenApiDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidArgumentError(where, `cannot read '${file}' (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'Pass the path of an OpenAPI 3 document (.yaml, .yml or .json).');
  }
  return interpretOpenApi(await parseDocument(text, where), where);
}

function sample(param: Json): string {
  const schema = isObject(param.schema) ? param.schema : {};
  for (const v of [param.example, schema.example, schema.default, Array.isArray(schema.enum) ? schema.enum[0] : undefined]) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  }
  if (isObject(param.examples)) {
    const first = Object.values(param.examples)[0];
    if (isObject(first) && (typeof first.value === 'string' || typeof first.value === 'number')) return String(first.value);
  }
  return schema.type === 'integer' || schema.type === 'number' ? '1' : 'corsproof';
}

/** Every path and method of a parsed OpenAPI 3 document. */
export function interpretOpenApi(doc: unknown, where = '--openapi'): OpenApiDocument {
  if (!isObject(doc)) throw new InvalidArgumentError(where, 'the document is not an object', 'Pass an OpenAPI 3 document.');
  if (typeof doc.swagger === 'string') {
    throw new InvalidArgumentError(where, `it is a Swagger ${doc.swagger} document, not OpenAPI 3`, 'Convert it to OpenAPI 3 (e.g. with swagger2openapi), or pass the URLs with --urls.');
  }
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.')) {
    throw new InvalidArgumentError(where, `no 'openapi: 3.x' field (found ${JSON.stringify(doc.openapi ?? null)})`, 'Pass an OpenAPI 3.0 or 3.1 document.');
  }
  if (!isObject(doc.paths)) throw new InvalidArgumentError(where, "the document has no 'paths'", 'Pass a document that describes at least one path.');
  let server: string | null = null;
  const first = Array.isArray(doc.servers) ? doc.servers[0] : undefined;
  if (isObject(first) && typeof first.url === 'string') {
    const variables = isObject(first.variables) ? first.variables : {};
    server = first.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const v = variables[name];
      return isObject(v) && v.default !== undefined ? String(v.default) : name;
    });
  }
  const operations: OpenApiOperation[] = [];
  const concretePaths = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!isObject(item) || !path.startsWith('/')) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters.filter(isObject) : [];
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      operations.push({ path, method: method.toUpperCase(), ...(typeof op.operationId === 'string' ? { operationId: op.operationId } : {}) });
      if (!concretePaths.has(path)) {
        const params = [...shared, ...(Array.isArray(op.parameters) ? op.parameters.filter(isObject) : [])].filter((p) => p.in === 'path');
        concretePaths.set(
          path,
          path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(sample(params.find((p) => p.name === name) ?? {}))),
        );
      }
    }
  }
  if (operations.length === 0) throw new InvalidArgumentError(where, 'the document describes no operation', 'Pass a document with at least one path and method.');
  return { title: isObject(doc.info) && typeof doc.info.title === 'string' ? doc.info.title : null, server, operations, concretePaths };
}

/**
 * The endpoints to call: one per path, with every method it has. Relative server URLs resolve against
 * `baseUrl`; `baseUrl` also replaces an absolute server URL's origin when given.
 */
export function openApiEndpoints(doc: OpenApiDocument, baseUrl: string | null, where = '--openapi'): Array<{ url: string; methods: string[] }> {
  let base: URL;
  const server = doc.server ?? '/';
  try {
    base = baseUrl !== null ? new URL(server, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`) : new URL(server);
    if (baseUrl !== null && /^[a-z][a-z0-9+.-]*:\/\//i.test(server)) {
      const given = new URL(baseUrl);
      base = new URL(`${given.origin}${new URL(server).pathname}`);
    }
  } catch {
    throw new InvalidArgumentError(where, `the document's server URL '${server}' is not absolute`, 'Pass --base-url with the server to audit, e.g. --base-url http://127.0.0.1:3000.');
  }
  // fetch() refuses such a URL; dropping the credentials silently would audit another request than the one meant.
  if (base.username !== '' || base.password !== '') {
    throw new InvalidArgumentError(where, "the server URL has a user name or password, and fetch() refuses such URLs before sending anything", 'Drop user:password@ from the server URL (or pass --base-url without it) and send credentials as a header, e.g. --header \'Authorization: Basic ...\'.');
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  const byPath = new Map<string, Set<string>>();
  for (const op of doc.operations) {
    if (!byPath.has(op.path)) byPath.set(op.path, new Set());
    byPath.get(op.path)!.add(op.method);
  }
  return [...byPath].map(([path, methods]) => ({
    url: new URL(`${prefix}${doc.concretePaths.get(path) ?? path}`, base.origin).href,
    methods: [...methods].filter((m) => m !== 'OPTIONS' && m !== 'TRACE'),
  })).filter((e) => e.methods.length > 0);
}
