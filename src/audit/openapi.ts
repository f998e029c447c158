/**
 * What `corsproof audit --openapi` calls: one endpoint per path of the document (src/openapi/document.ts reads
 * it), with every method it has but OPTIONS and TRACE, path parameters filled from the document's examples.
 * Relative server URLs resolve against `baseUrl`; `baseUrl` also replaces an absolute server URL's origin.
 */
import { InvalidArgumentError } from '../errors.js';
import type { OpenApiRoutes } from '../openapi/document.js';
import { fillTemplate } from '../routes/fill.js';

export interface AuditEndpoint {
  url: string;
  methods: string[];
}

export function openApiEndpoints(doc: OpenApiRoutes, baseUrl: string | null, where = '--openapi'): AuditEndpoint[] {
  const server = doc.serverUrl ?? '/';
  let base: URL;
  try {
    base = baseUrl !== null ? new URL(server, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`) : new URL(server);
    if (baseUrl !== null && /^[a-z][a-z0-9+.-]*:\/\//i.test(server)) base = new URL(`${new URL(baseUrl).origin}${new URL(server).pathname}`);
  } catch {
    throw new InvalidArgumentError(where, `the document's server URL '${server}' is not absolute`, 'Pass --base-url with the server to audit, e.g. --base-url http://127.0.0.1:3000.');
  }
  // fetch() refuses such a URL; dropping the credentials silently would audit another request than the one meant.
  if (base.username !== '' || base.password !== '') {
    throw new InvalidArgumentError(where, 'the server URL has a user name or password, and fetch() refuses such URLs before sending anything', "Drop user:password@ from the server URL (or pass --base-url without it) and send credentials as a header, e.g. --header 'Authorization: Basic ...'.");
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  const endpoints: AuditEndpoint[] = [];
  for (const route of doc.routes) {
    const methods = route.methods.filter((m) => m !== 'OPTIONS' && m !== 'TRACE');
    if (methods.length === 0) continue;
    endpoints.push({ url: new URL(`${prefix}${fillTemplate(route.path, {}, route.examples ?? {}).path}`, base.origin).href, methods });
  }
  if (endpoints.length === 0) throw new InvalidArgumentError(where, 'the document describes no operation to call', 'Pass a document with at least one path and a method other than OPTIONS or TRACE.');
  return endpoints;
}
