/**
 * What the audit sends to a live API: only the documented probe set, each request once, no unsafe method's
 * actual request unless asked, at most `concurrency` in flight, `delayMs` between starts, one request to a
 * server that does not answer, and no secret in any output.
 */
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { auditToJson } from '../../src/audit/json.js';
import { auditToSarif } from '../../src/report/audit-sarif.js';
import { probeOrigins } from '../../src/audit/origins.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { listen } from '../cli/helpers.js';
import { PLANTED } from './planted.js';

const ORIGIN = 'https://app.example';

interface Seen {
  method: string;
  url: string;
  origin?: string;
  acrm?: string;
  cookie?: string;
  at: number;
}

/** A recording server: reflects any origin with credentials (so every follow-up probe is sent), optional delay. */
async function recorder(options: { delayMs?: number; methods?: string } = {}) {
  const seen: Seen[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = http.createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    seen.push({ method: req.method!, url: req.url!, origin: req.headers.origin, acrm: req.headers['access-control-request-method'] as string | undefined, cookie: req.headers.cookie, at: Date.now() });
    setTimeout(() => {
      if (req.headers.origin) {
        res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
        res.setHeader('Access-Control-Allow-Credentials', 'true');
      }
      if (req.method === 'OPTIONS') res.setHeader('Access-Control-Allow-Methods', options.methods ?? 'GET, PUT, DELETE, PATCH');
      res.statusCode = req.method === 'OPTIONS' ? 204 : 200;
      res.end();
      inFlight--;
    }, options.delayMs ?? 0);
  });
  const running = await listen(server);
  return { ...running, seen, maxInFlight: () => maxInFlight };
}

describe('the probe set', () => {
  it('sends each request once: the origin probes, no-Origin, 404, preflights for every advertised method, nothing else', async () => {
    const target = await recorder();
    try {
      await audit(`${target.url}/api/items`, { origin: ORIGIN, method: 'DELETE', privateNetwork: false });
      const keys = target.seen.map((s) => `${s.method} ${s.url} ${s.origin ?? '-'} ${s.acrm ?? '-'}`);
      expect(new Set(keys).size).toBe(keys.length);
      // Actual requests: GET only (DELETE is asked about in preflights).
      expect([...new Set(target.seen.filter((s) => s.method !== 'OPTIONS').map((s) => s.method))]).toEqual(['GET']);
      const origins = probeOrigins([ORIGIN]);
      expect(target.seen.filter((s) => s.method === 'GET' && s.url === '/api/items' && s.origin !== undefined)).toHaveLength(origins.length);
      expect(target.seen.filter((s) => s.method === 'GET' && s.origin === undefined)).toHaveLength(1);
      expect(target.seen.filter((s) => s.url.endsWith('/corsproof-audit-not-found'))).toHaveLength(1);
      // Preflights: DELETE from your origin; then every advertised non-safe method from evil.example and null.
      const preflights = target.seen.filter((s) => s.method === 'OPTIONS').map((s) => `${s.origin} ${s.acrm}`);
      expect(preflights.sort()).toEqual(
        [`${ORIGIN} DELETE`, ...['DELETE', 'PUT', 'PATCH'].flatMap((m) => [`https://evil.example ${m}`, `null ${m}`])].sort(),
      );
      expect(target.seen).toHaveLength(origins.length + 1 + 1 + 7);
    } finally {
      await target.close();
    }
  });

  it('sends the unsafe method itself only with sendUnsafe, and never twice', async () => {
    const target = await recorder();
    try {
      await audit(`${target.url}/api/items`, { origin: ORIGIN, method: 'DELETE', sendUnsafe: true, privateNetwork: false });
      const deletes = target.seen.filter((s) => s.method === 'DELETE');
      expect(deletes.length).toBe(probeOrigins([ORIGIN]).length + 2);
      expect(new Set(deletes.map((s) => `${s.url} ${s.origin}`)).size).toBe(deletes.length);
    } finally {
      await target.close();
    }
  });

  it('sends one request to a server that answers nothing, and reports it unreachable', async () => {
    const dead = await listen(http.createServer());
    await dead.close();
    const report = await audit(`${dead.url}/api`, { origin: ORIGIN });
    expect(report.unreachable).toBe(1);
    expect(report.endpoints[0].probes).toHaveLength(1);
    expect(report.endpoints[0].error).toMatch(/refused|ECONNREFUSED/i);
    expect(report.endpoints[0].findings).toEqual([]);
  });

  it('keeps at most `concurrency` requests in flight, over several endpoints', async () => {
    const target = await recorder({ delayMs: 15 });
    try {
      await audit(target.url, { origin: ORIGIN, endpoints: ['/a', '/b', '/c'], concurrency: 2, privateNetwork: false });
      expect(target.maxInFlight()).toBe(2);
      expect(target.seen.length).toBeGreaterThan(100);
    } finally {
      await target.close();
    }
  });

  it('waits `delayMs` between two request starts', async () => {
    const target = await recorder({ methods: 'GET' });
    try {
      await audit(`${target.url}/x`, { origin: ORIGIN, delayMs: 20, concurrency: 8, privateNetwork: false, thirdPartyOrigins: [] });
      const starts = target.seen.map((s) => s.at).sort((a, b) => a - b);
      const gaps = starts.slice(1).map((t, i) => t - starts[i]);
      // Starts are paced on the client; arrivals jitter by connection set-up (a late first arrival shortens the span
      // by its set-up time: 12 ms once on a loaded CI machine), so check the typical gap and the span with a tenth
      // to spare. Without the delay the whole set arrives within a few dozen milliseconds.
      const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)];
      expect(median).toBeGreaterThanOrEqual(18);
      expect(starts.at(-1)! - starts[0]).toBeGreaterThanOrEqual(20 * (starts.length - 1) * 0.9);
    } finally {
      await target.close();
    }
  });

  it('sends the user\'s cookie with actual probes, never with preflights, and prints it nowhere', async () => {
    const target = await recorder();
    try {
      const report = await audit(`${target.url}/api`, { origin: ORIGIN, headers: { Cookie: 'sid=very-secret-sid', 'X-Api-Key': 'key-abcdef' }, privateNetwork: false });
      const withCookie = target.seen.filter((s) => s.cookie === 'sid=very-secret-sid');
      expect(withCookie.length).toBeGreaterThan(40);
      expect(target.seen.filter((s) => s.method === 'OPTIONS' && s.cookie !== undefined)).toEqual([]);
      // Without the cookie: the unauthenticated probe.
      expect(target.seen.filter((s) => s.method === 'GET' && s.cookie === undefined && s.origin === ORIGIN)).toHaveLength(1);
      for (const out of [JSON.stringify(auditToJson(report)), JSON.stringify(auditToSarif(report)), JSON.stringify(report)]) {
        expect(out).not.toContain('very-secret-sid');
        expect(out).not.toContain('key-abcdef');
      }
      // What was sent is still visible: the header names, the cookie's name.
      expect(JSON.stringify(auditToJson(report))).toContain('sid=[redacted]');
    } finally {
      await target.close();
    }
  });

  it('showSecrets: true keeps them in the report, as sent', async () => {
    const target = await recorder();
    try {
      const report = await audit(`${target.url}/api`, { origin: ORIGIN, headers: { Cookie: 'sid=very-secret-sid', 'X-Api-Key': 'key-abcdef' }, privateNetwork: false, showSecrets: true });
      const out = JSON.stringify(auditToJson(report));
      expect(out).toContain('sid=very-secret-sid');
      expect(out).toContain('key-abcdef');
    } finally {
      await target.close();
    }
  });

  it('refuses a target or endpoint URL with credentials before sending anything, as fetch() does, without printing the password', async () => {
    const target = await recorder();
    try {
      const withCredentials = `${target.url.replace('http://', 'http://admin:hunter22pass@')}/api`;
      for (const call of [() => audit(withCredentials, { origin: ORIGIN }), () => audit(target.url, { origin: ORIGIN, endpoints: ['/ok', withCredentials] })]) {
        const error = await call().then(() => null, (e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidArgumentError);
        expect((error as Error).message).toMatch(/has a user name or password, and fetch\(\) refuses such URLs/);
        expect((error as Error).message).not.toContain('hunter22pass');
      }
      expect(target.seen).toEqual([]);
    } finally {
      await target.close();
    }
  });
});

describe('WebSocket URLs', () => {
  it('a ws: URL is audited as a WebSocket endpoint, its other probes over http:', async () => {
    const planted = PLANTED.find((p) => p.name === 'websocket-any-origin')!;
    const server = await planted.start();
    try {
      const report = await audit(`${server.url.replace('http:', 'ws:')}/socket`, { origin: ORIGIN });
      const endpoint = report.endpoints[0];
      expect(endpoint.url).toBe(`${server.url}/socket`);
      expect(endpoint.websocket).toBe(true);
      expect(endpoint.probes.filter((p) => p.kind === 'websocket').map((p) => `${p.origin} ${p.response?.status}`)).toEqual([`${ORIGIN} 101`, 'https://evil.example 101']);
      expect(endpoint.findings.map((f) => `${f.severity} ${f.id}`)).toContain('medium websocket-cross-site');
    } finally {
      await server.close();
    }
  });
});

describe('bad options', () => {
  it('throws typed errors naming the option', async () => {
    await expect(audit('http://127.0.0.1:9/', { origin: 'null' })).rejects.toThrow(InvalidArgumentError);
    await expect(audit('http://127.0.0.1:9/', { origin: 'app.example' })).rejects.toThrow(/Invalid options\.origin/);
    await expect(audit('http://127.0.0.1:9/', { origin: ORIGIN, concurrency: 0 })).rejects.toThrow(/options\.concurrency/);
    await expect(audit('http://127.0.0.1:9/', { origin: ORIGIN, method: 'GET /' })).rejects.toThrow(/options\.method/);
    await expect(audit('http://127.0.0.1:9/', { origin: ORIGIN, endpoints: ['ftp://x/'] })).rejects.toThrow(/options\.endpoints\[0\]/);
    await expect(audit('http://127.0.0.1:9/', { origin: ORIGIN, colour: true } as never)).rejects.toThrow(/unknown option/);
    await expect(audit('http://127.0.0.1:9/', { origin: ORIGIN, showSecrets: 'yes' } as never)).rejects.toThrow(/options\.showSecrets/);
  });
});
