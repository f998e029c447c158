// Sites (HTML's same site), with the Public Suffix List loaded only when two URLs need it.
import { describe, expect, it, vi } from 'vitest';
import { sameSite, sameSiteByHrefs } from '../../src/spec/site.js';
import { loadPublicSuffixListFor } from '../../src/emulator/public-suffix-list.js';
import { simulate } from '../../src/index.js';

describe('Sec-Fetch-Site on the wire', () => {
  const seen: Request[] = [];
  const handler = (request: Request): Response => {
    seen.push(request);
    return new Response('ok', { headers: { 'access-control-allow-origin': request.headers.get('origin') ?? '*' } });
  };

  // First in this file: the list is not loaded yet, so this shows the emulator loads it when a request needs it.
  it('is same-site between subdomains of one registrable domain and cross-site across public-suffix siblings, in every engine', async () => {
    for (const engine of ['spec', 'chromium', 'firefox', 'webkit'] as const) {
      seen.length = 0;
      await simulate({ url: 'https://api.example.co.uk/items', origin: 'https://app.example.co.uk' }, { transport: handler, engine });
      await simulate({ url: 'https://bob.github.io/items', origin: 'https://alice.github.io' }, { transport: handler, engine });
      await simulate({ url: 'https://api.example/items', origin: 'https://app.example' }, { transport: handler, engine });
      expect(seen.map((r) => r.headers.get('sec-fetch-site')), engine).toEqual(['same-site', 'cross-site', 'cross-site']);
    }
  });
});

describe('same site', () => {
  it('tells hosts apart without the Public Suffix List when their URLs say it', () => {
    const cases: Array<[string, string, boolean]> = [
      ['https://app.example', 'https://app.example:8443', true],
      ['https://app.example', 'http://app.example', false],
      ['https://app.example', 'https://api.example', false],
      ['https://a.example.com', 'https://b.example.org', false],
      ['http://127.0.0.1:3000', 'http://127.0.0.2:3000', false],
      ['http://[::1]:3000', 'http://[::1]:4000', true],
      ['http://localhost:3000', 'http://api.localhost', false],
    ];
    for (const [a, b, expected] of cases) {
      expect(sameSiteByHrefs(a, b), `${a} ${b}`).toBe(expected);
      expect(loadPublicSuffixListFor(a, b), `${a} ${b}`).toBeNull();
      expect(sameSite(a, b), `${a} ${b}`).toBe(expected);
    }
    expect(loadPublicSuffixListFor('null', 'https://app.example')).toBeNull();
    expect(sameSite('null', 'https://app.example')).toBe(false);
    expect(sameSiteByHrefs('https://app.example.com', 'https://api.example.com')).toBeUndefined();
  });

  it('by the given list, or its default rule alone', () => {
    const list = (host: string) => (host.endsWith('.github.io') ? host : null);
    expect(sameSite('https://alice.github.io', 'https://bob.github.io', list)).toBe(false);
    expect(sameSite('https://alice.github.io', 'https://bob.github.io')).toBe(true);
  });

  it('loads the list for hosts under one two-label name, once', async () => {
    // A fresh copy of the module: the requests above loaded the list into this file's.
    vi.resetModules();
    const { loadPublicSuffixListFor, sameSiteByList } = await import('../../src/emulator/public-suffix-list.js');
    const loading = loadPublicSuffixListFor('https://app.example.com', 'https://api.example.com');
    expect(loading).toBeInstanceOf(Promise);
    expect(loadPublicSuffixListFor('https://a.github.io', 'https://b.github.io')).toBe(loading);
    await loading;
    expect(loadPublicSuffixListFor('https://a.github.io', 'https://b.github.io')).toBeNull();
    expect(sameSiteByList('https://app.example.com', 'https://api.example.com')).toBe(true);
    expect(sameSiteByList('https://a.shop.example.co.uk', 'https://b.example.co.uk')).toBe(true);
    // Public suffixes, the private section included: each name under one is a site of its own.
    expect(sameSiteByList('https://one.example.co.uk', 'https://two.co.uk')).toBe(false);
    expect(sameSiteByList('https://alice.github.io', 'https://bob.github.io')).toBe(false);
  });
});
