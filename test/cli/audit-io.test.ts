/**
 * `corsproof audit` through `run()` in-process: the progress line on a terminal only, several trusted origins,
 * and `--insecure` against a self-signed HTTPS development server.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditJson } from '../../src/audit/json.js';
import { run } from '../../src/cli/run.js';
import { listen, useExampleServer } from './helpers.js';

const api = useExampleServer();

function capture(isTTY: boolean) {
  const out = { text: '', isTTY, write: (t: string) => ((out.text += t), true) };
  return out;
}

async function runAudit(args: string[], tty = false) {
  const stdout = capture(false);
  const stderr = capture(tty);
  const code = await run(['audit', ...args], { stdout, stderr, env: { NO_COLOR: '1' } });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('corsproof audit in-process', () => {
  it('writes a progress line to a terminal stderr, and clears it; nothing when stderr is a pipe', async () => {
    const urls = [`${api.url}/api/user`, `${api.url}/api/public`];
    const tty = await runAudit([...urls, '--origin', 'https://app.example'], true);
    expect(tty.stderr).toContain(`\r\u001b[2K  audited 1/2  `);
    expect(tty.stderr).toContain(`\r\u001b[2K  audited 2/2  `);
    expect(tty.stderr.endsWith('\r\u001b[2K')).toBe(true);
    const piped = await runAudit([...urls, '--origin', 'https://app.example']);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toBe(tty.stdout);
  });

  it('several --origin: each trusted origin probed, with its own look-alikes and preflight', async () => {
    const { json } = await runAudit([`${api.url}/api/user`, '--origin', 'https://app.example', '--origin', 'https://admin.example', '--json']).then((r) => ({ json: JSON.parse(r.stdout) as AuditJson }));
    expect(json.origins).toEqual(['https://app.example', 'https://admin.example']);
    const probes = json.results[0].probes;
    expect(probes.filter((p) => p.originKind === 'trusted').map((p) => p.origin)).toEqual(['https://app.example', 'https://admin.example']);
    expect(probes.some((p) => p.origin === 'https://admin.example.evil.example')).toBe(true);
    expect(probes.some((p) => p.id === 'preflight:PUT:https://admin.example')).toBe(true);
    // /api/user trusts app.example only: admin.example is told it cannot read.
    expect(json.results[0].findings.map((f) => `${f.id} ${f.origins.join(',')}`)).toContain('origin-not-allowed https://admin.example');
  });

  it('--insecure audits a self-signed HTTPS server; without it the certificate is refused (exit 3)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'corsproof-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`], { stdio: 'ignore' });
    const server = https.createServer({ key: readFileSync(`${dir}/key.pem`), cert: readFileSync(`${dir}/cert.pem`) }, (req, res) => {
      res.setHeader('Vary', 'Origin');
      if (req.headers.origin === 'https://app.example') res.setHeader('Access-Control-Allow-Origin', 'https://app.example');
      res.end('{}');
    });
    const running = await listen(server as unknown as import('node:http').Server);
    const url = running.url.replace('http://', 'https://');
    try {
      const refused = await runAudit([`${url}/api`, '--origin', 'https://app.example']);
      expect(refused.code).toBe(3);
      expect(refused.stdout).toMatch(/could not be reached: .*certificate/i);
      const ok = await runAudit([`${url}/api`, '--origin', 'https://app.example', '--insecure']);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('readable by https://app.example only');
    } finally {
      await running.close();
    }
  });
});
