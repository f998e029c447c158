// defineCorsPolicy: validation with typed errors, defaults, origin patterns, look-alikes, route scopes,
// serialisation and loading from files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineCorsPolicy, InvalidArgumentError, loadCorsPolicy, parseCorsPolicy, answerFor } from '../../src/index.js';
import { refusedOrigins } from '../../src/policy/look-alikes.js';
import { originAllowed, parseOriginRules } from '../../src/policy/origin-rules.js';

const error = (fn: () => unknown): InvalidArgumentError => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidArgumentError);
    return e as InvalidArgumentError;
  }
  throw new Error('no error thrown');
};

describe('defineCorsPolicy', () => {
  it('fills in defaults and normalizes names', () => {
    const policy = defineCorsPolicy({ origins: 'https://App.example/', methods: ['get', 'patch', 'GET'], headers: ['X-CSRF-Token'] });
    expect(policy.rules.methods).toEqual(['GET', 'PATCH']);
    expect(policy.rules.headers).toEqual(['x-csrf-token']);
    expect(policy.rules.credentials).toBe(false);
    expect(policy.rules.exposeHeaders).toEqual([]);
    expect(policy.rules.maxAge).toBeNull();
    expect(defineCorsPolicy({ origins: ['https://app.example'] }).rules.methods).toEqual(['GET', 'HEAD', 'POST']);
    expect(defineCorsPolicy(policy)).toBe(policy);
  });

  it.each([
    [{}, 'policy.origins', 'it is missing'],
    [{ origins: ['https://app.example'], origin: 'x' }, 'policy.origin', "Did you mean 'origins'?"],
    [{ origins: ['https://app.example'], allowedHeaders: [] }, 'policy.allowedHeaders', "Did you mean 'headers'?"],
    [{ origins: '*', credentials: true }, 'policy.origins', "'*' with credentials: true"],
    [{ origins: ['https://app.example', '*'] }, 'policy.origins[1]', "'*' must be the whole origins value"],
    [{ origins: ['null'] }, 'policy.origins[0]', "'null' is the origin of sandboxed iframes"],
    [{ origins: [/app\.example$/] }, 'policy.origins[0]', 'is a RegExp'],
    [{ origins: ['https://app.example/path'] }, 'policy.origins[0]', 'is a URL with a path'],
    [{ origins: ['https://*.example'] }, 'policy.origins[0]', 'fewer than two fixed labels'],
    [{ origins: ['https://pr-*.app.example'] }, 'policy.origins[0]', "inside the label 'pr-*'"],
    [{ origins: ['https://*.app.example:*'] }, 'policy.origins[0]', 'wildcard port'],
    [{ origins: ['*://app.example'] }, 'policy.origins[0]', 'does not start with http:// or https://'],
    [{ origins: ['https://app.example'], methods: ['TRACE'] }, 'policy.methods[0]', 'forbidden method'],
    [{ origins: ['https://app.example'], methods: 'GET' }, 'policy.methods', 'expected an array'],
    [{ origins: ['https://app.example'], headers: ['cookie'] }, 'policy.headers[0]', 'forbidden request header'],
    [{ origins: ['https://app.example'], headers: ['bad header'] }, 'policy.headers[0]', 'is not a header name'],
    [{ origins: ['https://app.example'], exposeHeaders: ['set-cookie'] }, 'policy.exposeHeaders[0]', 'forbidden response header'],
    [{ origins: ['https://app.example'], maxAge: -1 }, 'policy.maxAge', 'whole number of seconds'],
    [{ origins: ['https://app.example'], credentials: 'yes' }, 'policy.credentials', 'expected true or false'],
    [{ origins: ['https://app.example'], routes: { 'admin/*': {} } }, 'policy.routes key', 'does not start with /'],
    [{ origins: ['https://app.example'], routes: { '/a/*/b': {} } }, 'policy.routes key', "only a final '/*'"],
    [{ origins: ['https://app.example'], routes: { '/admin/*': { routes: {} } } }, "policy.routes['/admin/*'].routes", 'cannot be nested'],
    [{ origins: ['https://app.example'], routes: { '/public/*': { origins: '*', credentials: true } } }, "policy.routes['/public/*'].origins", "'*' with credentials"],
    [{ origins: ['https://app.example'], credentials: true, routes: { '/public/*': { origins: '*' } } }, "policy.routes['/public/*'].origins", "'*' with credentials"],
    [{ origins: [{ match: () => false, examples: ['https://a.example'] }] }, 'policy.origins[0].examples[0]', 'refuses its own example'],
  ])('%o is refused: %s', (config, argument, problem) => {
    const e = error(() => defineCorsPolicy(config as never));
    expect(e.argument).toBe(argument);
    expect(e.message).toContain(problem);
    expect(e.code).toBe('ERR_CORSPROOF_INVALID_ARGUMENT');
  });

  it('patterns: * is exactly one DNS label, scheme and port must match', () => {
    const rules = parseOriginRules(['https://*.preview.app.example', 'http://*.dev.app.example:8080'], 'origins');
    const allowed = (o: string) => originAllowed(rules, o);
    expect(allowed('https://pr-12.preview.app.example')).toBe(true);
    expect(allowed('https://a.b.preview.app.example')).toBe(false);
    expect(allowed('https://preview.app.example')).toBe(false);
    expect(allowed('https://evilpreview.app.example')).toBe(false);
    expect(allowed('http://pr-12.preview.app.example')).toBe(false);
    expect(allowed('https://pr-12.preview.app.example:8443')).toBe(false);
    expect(allowed('https://pr-12.preview.app.example.evil.example')).toBe(false);
    expect(allowed('http://x.dev.app.example:8080')).toBe(true);
    expect(allowed('http://x.dev.app.example')).toBe(false);
    expect(allowed('null')).toBe(false);
  });

  it('look-alikes of every allowed origin and pattern, none of them allowed', () => {
    const rules = parseOriginRules(['https://app.example', 'https://*.preview.app.example'], 'origins');
    const refused = refusedOrigins(rules);
    expect(refused.map((r) => r.origin)).toEqual([
      'https://evil.example',
      'null',
      'https://evilapp.example',
      'https://appxexample',
      'https://evil.app.example',
      'https://app.example.evil.example',
      'http://app.example',
      'https://app.example:8443',
      'https://evil.corsproof-probe.preview.app.example',
      'https://preview.app.example',
      'https://evilpreview.app.example',
      'https://corsproof-probe.preview.app.example.evil.example',
      'https://corsproof-probe.previewxapp.example',
      'http://corsproof-probe.preview.app.example',
      'https://corsproof-probe.preview.app.example:8443',
    ]);
    for (const r of refused) if (r.origin !== 'null') expect(originAllowed(rules, r.origin), r.origin).toBe(false);
    // A pattern that covers a look-alike of an exact origin leaves it out.
    const wide = refusedOrigins(parseOriginRules(['https://app.example', 'https://*.app.example'], 'origins'));
    expect(wide.map((r) => r.origin)).not.toContain('https://evil.app.example');
  });

  it('route scopes: the most specific key wins; exact keys before prefixes', () => {
    const policy = defineCorsPolicy({
      origins: ['https://app.example'],
      methods: ['GET', 'PUT'],
      routes: {
        '/api/*': { methods: ['GET'] },
        '/api/admin/*': { origins: ['https://admin.example'], credentials: true },
        '/api/admin/users/:id': { methods: ['GET', 'DELETE'] },
        '/public/*': { origins: '*' },
      },
    });
    expect(policy.scopeFor('/health').key).toBe('*');
    expect(policy.scopeFor('/api').key).toBe('/api/*');
    expect(policy.scopeFor('/api/items/1?x=1').key).toBe('/api/*');
    expect(policy.scopeFor('/api/admin/users/7').key).toBe('/api/admin/users/:id');
    expect(policy.scopeFor('/api/admin/users/7').rules.origins).toEqual(policy.scopeFor('/api/admin/x').rules.origins);
    // A route's rules are its closest enclosing prefix's (else the top level's), with its own fields over them.
    expect(policy.scopeFor('/api/admin/users/7').rules.methods).toEqual(['GET', 'DELETE']);
    expect(policy.scopeFor('/api/admin/users/7').rules.credentials).toBe(true);
    expect(policy.scopeFor('/api/admin/settings').rules.methods).toEqual(['GET']);
    expect(policy.scopeFor('/api/admin/settings').rules.credentials).toBe(true);
    expect(policy.scopeFor('/public/logo.png').rules.origins.any).toBe(true);
  });

  it('is a snapshot: changing the config afterwards changes nothing', () => {
    const config = { origins: ['https://app.example'], methods: ['GET'] };
    const policy = defineCorsPolicy(config);
    config.origins.push('https://evil.example');
    config.methods.push('DELETE');
    expect(policy.rules.methods).toEqual(['GET']);
    expect(JSON.parse(JSON.stringify(policy))).toEqual({ origins: ['https://app.example'], methods: ['GET'] });
    expect(Object.isFrozen(policy) && Object.isFrozen(policy.rules) && Object.isFrozen(policy.routes)).toBe(true);
  });

  it('serialises to the JSON it was read from; predicates cannot be', () => {
    const config = { origins: ['https://app.example'], methods: ['GET', 'PUT'], routes: { '/public/*': { origins: '*' as const } } };
    expect(JSON.parse(JSON.stringify(defineCorsPolicy(config)))).toEqual(config);
    expect(() => JSON.stringify(defineCorsPolicy({ origins: [{ match: () => true, examples: ['https://a.example'], description: 'tenants' }] }))).toThrow(
      "Invalid policy.origins[0]: it is 'tenants', which is code and JSON cannot hold.",
    );
  });
});

describe('answerFor: what a correct server sends', () => {
  const policy = defineCorsPolicy({ origins: ['https://app.example'], methods: ['GET', 'PUT'], headers: ['x-csrf-token'], credentials: true, exposeHeaders: ['x-total-count'], maxAge: 600, routes: { '/public/*': { origins: '*', credentials: false } } });
  const req = (method: string, url: string, headers: Record<string, string>) => ({ method, url, headers: new Headers(headers) });

  it('a preflight from an allowed origin', () => {
    const answer = answerFor(policy, req('OPTIONS', 'https://api.example/items', { origin: 'https://app.example', 'access-control-request-method': 'PUT' }));
    expect(answer).toMatchObject({ preflight: true, status: 204 });
    expect(answer.headers).toEqual([
      ['access-control-allow-origin', 'https://app.example'],
      ['access-control-allow-credentials', 'true'],
      ['vary', 'Origin'],
      ['access-control-allow-methods', 'GET, PUT'],
      ['access-control-allow-headers', 'x-csrf-token'],
      ['access-control-max-age', '600'],
    ]);
  });

  it('a response to a refused origin, and to any origin on a public route', () => {
    expect(answerFor(policy, req('GET', '/items', { origin: 'https://evil.example' })).headers).toEqual([['vary', 'Origin']]);
    expect(answerFor(policy, req('GET', '/public/a.png', { origin: 'https://evil.example' })).headers).toEqual([
      ['access-control-allow-origin', '*'],
      ['access-control-expose-headers', 'x-total-count'],
    ]);
  });
});

describe('loadCorsPolicy', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'corsproof-policy-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('reads cors.policy.json and modules', async () => {
    const json = await loadCorsPolicy(write('cors.policy.json', JSON.stringify({ $schema: 'x', origins: ['https://app.example'], maxAge: 60 })));
    expect(json.rules.maxAge).toBe(60);
    const mod = await loadCorsPolicy(write('cors.policy.mjs', "export default { origins: ['https://app.example'], credentials: true };"));
    expect(mod.rules.credentials).toBe(true);
    const named = await loadCorsPolicy(write('named.mjs', "export const policy = { origins: '*' };"));
    expect(named.rules.origins.any).toBe(true);
  });

  it('names the file in every error', async () => {
    await expect(loadCorsPolicy(path.join(dir, 'missing.json'))).rejects.toThrow(/missing\.json' does not exist/);
    await expect(loadCorsPolicy(write('bad.json', '{ "origins": [ }'))).rejects.toThrow(/is not valid JSON/);
    await expect(loadCorsPolicy(write('policy.txt', ''))).rejects.toThrow(/is neither \.json nor a module/);
    await expect(loadCorsPolicy(write('empty.mjs', 'export const x = 1;'))).rejects.toThrow(/exports no policy/);
    const e = (await loadCorsPolicy(write('wrong.json', '{ "origins": ["https://app.example"], "methods": ["TRACE"] }')).catch((x: unknown) => x)) as InvalidArgumentError;
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect(e.argument).toMatch(/wrong\.json\.methods\[0\]$/);
    expect(() => parseCorsPolicy('[]', 'cors.policy.json')).toThrow('Invalid cors.policy.json: expected an object, got an array.');
  });
});
