/**
 * The audit's probe origins and rules on their own: origins derived from what users pass, and findings from
 * hand-written server answers (the cases the example API does not cover).
 */
import { describe, expect, it } from 'vitest';
import { exactRegex, findings, type AuditEvidence, type OriginProbe, type PreflightProbe } from '../../src/cli/audit-findings.js';
import { probeOrigins } from '../../src/cli/audit-origins.js';
import type { WireResponse } from '../../src/types.js';

describe('probeOrigins', () => {
  it('derives look-alikes, a subdomain and the http: variant, keeping the port', () => {
    expect(probeOrigins('https://app.example.com:8443').map((p) => `${p.kind} ${p.origin}`)).toEqual([
      'trusted https://app.example.com:8443',
      'foreign https://evil.example',
      'null null',
      'prefix https://evilapp.example.com:8443',
      'suffix https://app.example.com.evil.example:8443',
      'unescaped-dot https://appxexample.com:8443',
      'subdomain https://evil.app.example.com:8443',
      'scheme http://app.example.com:8443',
    ]);
  });

  it('an http: IP origin gets no prefix, dot or subdomain look-alike and no scheme swap', () => {
    expect(probeOrigins('http://127.0.0.1:3000').map((p) => `${p.kind} ${p.origin}`)).toEqual([
      'trusted http://127.0.0.1:3000',
      'foreign https://evil.example',
      'null null',
      'suffix http://127.0.0.1.evil.example:3000',
    ]);
  });

  it('a single-label host (localhost) gets no unescaped-dot look-alike; the foreign origin never equals yours', () => {
    expect(probeOrigins('http://localhost:5173').map((p) => p.kind)).toEqual(['trusted', 'foreign', 'null', 'prefix', 'suffix', 'subdomain']);
    expect(probeOrigins('https://evil.example')[1].origin).toBe('https://corsproof-attacker.example');
  });
});

const TRUSTED = 'https://app.example';

function answer(headers: Array<[string, string]>, status = 200): WireResponse {
  return { status, statusText: '', headers, body: new Uint8Array(0) };
}

/** Evidence where `policy(origin)` gives each probe's response headers. */
function evidence(policy: (origin: string) => Array<[string, string]>, preflight: PreflightProbe | null = null): AuditEvidence {
  const probes: OriginProbe[] = probeOrigins(TRUSTED).map((p) => ({
    ...p,
    request: { method: 'GET', url: 'http://127.0.0.1/x', headers: [['Origin', p.origin]], body: null },
    response: answer(policy(p.origin)),
  }));
  return { trusted: TRUSTED, probes, preflight };
}

const ids = (e: AuditEvidence) => findings(e).map((f) => `${f.severity} ${f.id}`);

describe('findings', () => {
  it('reflecting any origin without credentials is low (like *), but still needs Vary', () => {
    expect(ids(evidence((o) => [['Access-Control-Allow-Origin', o]]))).toEqual(['medium null-origin', 'medium missing-vary-origin', 'low origin-reflected', 'info no-credentials']);
  });

  it('reflecting with Vary: Origin set raises no Vary finding', () => {
    const e = evidence((o) => [['Access-Control-Allow-Origin', o], ['Access-Control-Allow-Credentials', 'true'], ['Vary', 'Accept-Encoding, Origin']]);
    expect(ids(e)).toEqual(['high origin-reflected', 'high null-origin']);
  });

  it('a fixed Access-Control-Allow-Origin (same for every Origin) needs no Vary', () => {
    expect(ids(evidence(() => [['Access-Control-Allow-Origin', TRUSTED], ['Access-Control-Allow-Credentials', 'true']]))).toEqual([]);
  });

  it('an allow-list without Vary: Origin is medium, listing the probes without it', () => {
    const e = evidence((o) => (o === TRUSTED ? [['Access-Control-Allow-Origin', o]] : []));
    const found = findings(e);
    expect(found.map((f) => f.id)).toEqual(['missing-vary-origin', 'no-credentials']);
    expect(found[0].detail).toContain('every probe');
  });

  it('ACAO "true" for credentials is what counts: a mis-cased "True" grants nothing with cookies', () => {
    const e = evidence((o) => (o === 'null' ? [['Access-Control-Allow-Origin', 'null'], ['Access-Control-Allow-Credentials', 'True']] : [['Vary', 'Origin']]));
    const found = findings(e);
    expect(found.find((f) => f.id === 'null-origin')?.severity).toBe('medium');
  });

  it('the trusted origin not allowed at all is info, with what the server said', () => {
    const found = findings(evidence(() => [['Access-Control-Allow-Origin', 'https://other.example'], ['Vary', 'Origin']]));
    expect(found.map((f) => `${f.severity} ${f.id}`)).toEqual(['info origin-not-allowed']);
    expect(found[0].detail).toContain('https://other.example');
  });

  it('a probe that got no answer is left out, not counted as blocked or allowed', () => {
    const e = evidence((o) => [['Access-Control-Allow-Origin', o], ['Vary', 'Origin']]);
    const foreign = e.probes.find((p) => p.kind === 'foreign')!;
    delete foreign.response;
    foreign.error = 'reset';
    expect(ids(e)).toEqual(['medium null-origin', 'medium lookalike-origin', 'low subdomain-trusted', 'low insecure-origin', 'info no-credentials']);
  });

  it('preflight max-age: missing is info, invalid and over a day are low, 600 is fine', () => {
    const pre = (maxAge: string | null): PreflightProbe => ({
      origin: TRUSTED,
      method: 'PUT',
      headers: ['content-type'],
      credentials: 'omit',
      passes: true,
      response: answer([['Access-Control-Allow-Origin', TRUSTED], ...(maxAge === null ? [] : [['Access-Control-Max-Age', maxAge] as [string, string]])], 204),
    });
    const allowList = (o: string): Array<[string, string]> => (o === TRUSTED ? [['Access-Control-Allow-Origin', o], ['Vary', 'Origin'], ['Access-Control-Allow-Credentials', 'true']] : [['Vary', 'Origin']]);
    expect(ids(evidence(allowList, pre(null)))).toEqual(['info preflight-max-age-missing']);
    expect(ids(evidence(allowList, pre('-1')))).toEqual(['low preflight-max-age-invalid']);
    expect(ids(evidence(allowList, pre('86401')))).toEqual(['low preflight-max-age-long']);
    expect(ids(evidence(allowList, pre('600')))).toEqual([]);
  });
});

describe('exactRegex', () => {
  it('anchors and escapes the origin, and the literal matches only that origin', () => {
    expect(exactRegex('https://app.example:8443')).toBe('/^https:\\/\\/app\\.example:8443$/');
    const body = exactRegex('https://app.example').slice(1, -1);
    const re = new RegExp(body);
    expect(['https://app.example', 'https://evilapp.example', 'https://app.example.evil.example', 'https://appxexample'].map((o) => re.test(o))).toEqual([true, false, false, false]);
  });
});
