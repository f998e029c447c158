// schemas/cors.policy.schema.json (exported as corsproof/schemas/cors.policy.schema.json, for editors) describes the same
// fields as defineCorsPolicy: the shipped example passes it, and files defineCorsPolicy refuses for their shape
// fail it too. A small validator for the JSON Schema keywords the schema uses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_KEYS, TOP_KEYS } from '../../src/policy/define.js';

type Schema = Record<string, unknown>;
const schema = JSON.parse(readFileSync(new URL('../../schemas/cors.policy.schema.json', import.meta.url), 'utf8')) as Schema;

function resolve(s: Schema): Schema {
  const ref = s.$ref as string | undefined;
  return ref ? resolve((schema.definitions as Record<string, Schema>)[ref.replace('#/definitions/', '')]) : s;
}

function valid(value: unknown, raw: Schema): boolean {
  const s = resolve(raw);
  if ('const' in s && value !== s.const) return false;
  if (Array.isArray(s.oneOf)) return (s.oneOf as Schema[]).filter((o) => valid(value, o)).length === 1;
  switch (s.type) {
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
      const record = value as Record<string, unknown>;
      if (((s.required as string[] | undefined) ?? []).some((k) => !(k in record))) return false;
      const props = (s.properties as Record<string, Schema> | undefined) ?? {};
      for (const [k, v] of Object.entries(record)) {
        if (s.propertyNames && !new RegExp((s.propertyNames as Schema).pattern as string).test(k)) return false;
        if (k in props) {
          if (!valid(v, props[k])) return false;
        } else if (s.additionalProperties === false) return false;
        else if (typeof s.additionalProperties === 'object' && !valid(v, s.additionalProperties as Schema)) return false;
      }
      return true;
    }
    case 'array':
      if (!Array.isArray(value)) return false;
      if (s.uniqueItems && new Set(value).size !== value.length) return false;
      return value.every((v) => valid(v, s.items as Schema));
    case 'string':
      return typeof value === 'string' && (!s.pattern || new RegExp(s.pattern as string).test(value));
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isInteger(value) && (s.minimum === undefined || (value as number) >= (s.minimum as number));
    default:
      return 'const' in s;
  }
}

describe('schemas/cors.policy.schema.json', () => {
  it('names the fields defineCorsPolicy knows', () => {
    expect(Object.keys(schema.properties as Schema).sort()).toEqual([...TOP_KEYS].sort());
    const route = (schema.properties as Record<string, Schema>).routes.additionalProperties as Schema;
    expect(Object.keys(route.properties as Schema).sort()).toEqual([...RULE_KEYS].sort());
  });

  it('accepts the shipped example and the docs policy', () => {
    expect(valid(JSON.parse(readFileSync(new URL('../../examples/policy/cors.policy.json', import.meta.url), 'utf8')), schema)).toBe(true);
    expect(valid({ origins: '*', methods: ['GET'], headers: '*', maxAge: 0, routes: { '/admin/*': { origins: [], credentials: false } } }, schema)).toBe(true);
  });

  it.each([
    [{}],
    [{ origins: ['https://app.example'], origin: 'x' }],
    [{ origins: 'app.example' }],
    [{ origins: ['https://app.example/path'] }],
    [{ origins: ['https://app.example'], maxAge: 1.5 }],
    [{ origins: ['https://app.example'], credentials: 'yes' }],
    [{ origins: ['https://app.example'], headers: ['bad header'] }],
    [{ origins: ['https://app.example'], routes: { 'admin/*': {} } }],
    [{ origins: ['https://app.example'], routes: { '/admin/*': { routes: {} } } }],
  ])('refuses %j', (policy) => {
    expect(valid(policy, schema)).toBe(false);
  });
});
