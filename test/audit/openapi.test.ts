/**
 * src/audit/openapi.ts over src/openapi/document.ts: OpenAPI 3 documents in YAML and JSON, every path and method
 * as an endpoint to audit, parameters filled in.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { openApiEndpoints } from '../../src/audit/openapi.js';
import { checkDocument, loadOpenApiDocument, openApiRoutes, parseOpenApiText } from '../../src/openapi/document.js';

const loadOpenApiFile = async (file: string) => openApiRoutes(await loadOpenApiDocument(file, '--openapi'));
const interpretOpenApi = (doc: unknown) => openApiRoutes(checkDocument(doc, 'doc', '--openapi'));

const YAML = `openapi: 3.0.3
info: { title: Shop, version: '1' }
servers:
  - url: '{scheme}://shop.example/v1'
    variables: { scheme: { default: https } }
paths:
  /items:
    get: { responses: { '200': { description: ok } } }
    post: { responses: { '201': { description: ok } } }
  /items/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: integer } }
    get: { responses: { '200': { description: ok } } }
    delete: { responses: { '204': { description: ok } } }
    options: { responses: { '204': { description: ok } } }
  /users/{name}/avatar:
    put:
      parameters: [{ name: name, in: path, required: true, example: ada }]
      responses: { '200': { description: ok } }
`;

describe('OpenAPI documents', () => {
  it('reads YAML: one endpoint per path with its methods, path parameters from type or example', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'corsproof-openapi-'));
    writeFileSync(path.join(dir, 'api.yaml'), YAML);
    const doc = await loadOpenApiFile(path.join(dir, 'api.yaml'));
    expect(doc.title).toBe('Shop');
    expect(doc.serverUrl).toBe('https://shop.example/v1');
    expect(openApiEndpoints(doc, null)).toEqual([
      { url: 'https://shop.example/v1/items', methods: ['GET', 'POST'] },
      { url: 'https://shop.example/v1/items/1', methods: ['GET', 'DELETE'] },
      { url: 'https://shop.example/v1/users/ada/avatar', methods: ['PUT'] },
    ]);
    // --base-url replaces the document's server, keeping its path.
    expect(openApiEndpoints(doc, 'http://127.0.0.1:3000')[0].url).toBe('http://127.0.0.1:3000/v1/items');
  });

  it('reads JSON; a relative server needs a base URL', async () => {
    const doc = openApiRoutes(await parseOpenApiText(JSON.stringify({ openapi: '3.1.0', servers: [{ url: '/api' }], paths: { '/ping': { head: {} } } }), 'doc', 'json'));
    expect(openApiEndpoints(doc, 'http://127.0.0.1:8080/')).toEqual([{ url: 'http://127.0.0.1:8080/api/ping', methods: ['HEAD'] }]);
    expect(() => openApiEndpoints(doc, null)).toThrow(/--base-url/);
  });

  it('rejects what is not an OpenAPI 3 document with a typed error', async () => {
    expect(() => interpretOpenApi({ swagger: '2.0', paths: {} })).toThrow(/it is Swagger 2\.0/);
    expect(() => openApiEndpoints(interpretOpenApi({ openapi: '3.0.0', paths: {} }), 'http://127.0.0.1:3000')).toThrow(/no operation/);
    expect(() => interpretOpenApi([1, 2])).toThrow(InvalidArgumentError);
    await expect(parseOpenApiText('openapi: [unclosed', 'doc', 'yaml')).rejects.toThrow(/not valid YAML/);
    await expect(loadOpenApiFile('/nonexistent/api.yaml')).rejects.toThrow(/'\/nonexistent\/api\.yaml' does not exist/);
  });
});
