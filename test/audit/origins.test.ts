/**
 * The probe origins derived from the trusted ones, and which of them a browser can send.
 */
import { describe, expect, it } from 'vitest';
import { isSendableOrigin, probeOrigins, SPECIAL_CHARACTERS } from '../../src/audit/origins.js';
import { THIRD_PARTY_ORIGINS } from '../../src/audit/third-party.js';

const kinds = (trusted: string[], extra: string[] = []) => probeOrigins(trusted, extra).filter((p) => !['special-char', 'percent-encoded', 'third-party'].includes(p.kind)).map((p) => `${p.kind} ${p.origin}`);

describe('probeOrigins', () => {
  it('derives look-alikes on the registrable part, a substring, a subdomain and the http: variant, keeping the port', () => {
    expect(kinds(['https://app.example.com:8443'])).toEqual([
      'trusted https://app.example.com:8443',
      'foreign https://evil.example',
      'null null',
      'prefix https://evilexample.com:8443',
      'suffix https://app.example.com.evil.example:8443',
      'unescaped-dot https://appxexample.com:8443',
      'include https://app.example.co:8443',
      'include https://xample.com:8443',
      'subdomain https://evil.app.example.com:8443',
      'scheme http://app.example.com:8443',
    ]);
  });

  it('an http: IP origin gets no host-derived look-alike but the suffix, and no scheme swap', () => {
    expect(probeOrigins(['http://127.0.0.1:3000']).filter((p) => p.kind !== 'third-party').map((p) => `${p.kind} ${p.origin}`)).toEqual([
      'trusted http://127.0.0.1:3000',
      'foreign https://evil.example',
      'null null',
      'suffix http://127.0.0.1.evil.example:3000',
    ]);
  });

  it('puts every special character after the host, all but | and ^ sendable by a browser; percent-encoded forms are not', () => {
    const special = probeOrigins(['https://app.example']).filter((p) => p.kind === 'special-char');
    expect(special.map((p) => p.variant)).toEqual([...SPECIAL_CHARACTERS]);
    expect(special.filter((p) => !p.sendable).map((p) => p.variant)).toEqual(['|', '^']);
    expect(special[0].origin).toBe('https://app.example_.evil.example');
    const percent = probeOrigins(['https://app.example']).filter((p) => p.kind === 'percent-encoded');
    expect(percent.map((p) => p.origin)).toContain('https://app.example%60.evil.example');
    expect(percent.every((p) => !p.sendable)).toBe(true);
  });

  it('several trusted origins: each trusted, look-alikes of each, shared probes once, none equal to a trusted one', () => {
    const all = probeOrigins(['https://app.example', 'http://app.example']);
    expect(all.filter((p) => p.kind === 'trusted').map((p) => p.origin)).toEqual(['https://app.example', 'http://app.example']);
    expect(all.filter((p) => p.kind === 'foreign')).toHaveLength(1);
    expect(all.filter((p) => p.kind === 'scheme')).toEqual([]);
    expect(new Set(all.map((p) => p.origin)).size).toBe(all.length);
  });

  it('probes the maintained hosting list plus the user\'s, and never the attacker origin as foreign when it is trusted', () => {
    const all = probeOrigins(['https://evil.example'], ['https://ours.example.app']);
    expect(all.filter((p) => p.kind === 'third-party').map((p) => p.origin)).toEqual([...THIRD_PARTY_ORIGINS, 'https://ours.example.app']);
    expect(all.find((p) => p.kind === 'foreign')!.origin).toBe('https://corsproof-attacker.example');
    for (const origin of THIRD_PARTY_ORIGINS) expect(isSendableOrigin(origin), origin).toBe(true);
  });
});
