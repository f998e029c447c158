/**
 * Starts every planted CORS configuration of test/audit/planted.ts behind one HTTPS front, so any scanner
 * can be pointed at the same servers the audit's tests use:
 *
 *   npx tsx scripts/planted-servers.ts [--host 127.0.14.1] [--port 443]
 *
 * Each configuration answers at https://<host>:<port>/<name>/api (a self-signed certificate, made at start
 * with openssl; scanners need their "don't verify" setting). The configurations trust https://app.example,
 * so a scanner that derives its probe origins from the target's host should be given https://app.example/...
 * with app.example resolving to <host>. Prints one line per configuration, then serves until SIGINT/SIGTERM.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CORRECT, PLANTED } from '../test/audit/planted.js';

const { values } = parseArgs({ options: { host: { type: 'string' }, port: { type: 'string' } } });
const host = values.host ?? '127.0.14.1';
const port = Number(values.port ?? '443');

const dir = mkdtempSync(path.join(os.tmpdir(), 'corsproof-planted-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=app.example', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`], { stdio: 'ignore' });

const backends = new Map<string, string>();
const all = [...PLANTED, ...CORRECT];
const running = await Promise.all(all.map((p) => p.start()));
all.forEach((p, i) => backends.set(p.name, running[i].url));

/** /<name>/rest -> the planted server's /rest, headers passed through as received (raw, in order). */
const front = https.createServer({ key: readFileSync(`${dir}/key.pem`), cert: readFileSync(`${dir}/cert.pem`) }, (req, res) => {
  const [, name, ...rest] = (req.url ?? '/').split('/');
  const backend = backends.get(name);
  if (!backend) {
    res.writeHead(404).end();
    return;
  }
  const upstream = http.request(`${backend}/${rest.join('/')}`, { method: req.method, headers: req.rawHeaders, agent: false }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
    answer.pipe(res);
  });
  upstream.on('error', () => res.writeHead(502).end());
  req.pipe(upstream);
});
front.on('upgrade', (req, socket) => {
  const [, name, ...rest] = (req.url ?? '/').split('/');
  const backend = backends.get(name);
  if (!backend) return socket.destroy();
  const upstream = http.request(`${backend}/${rest.join('/')}`, { method: req.method, headers: req.rawHeaders, agent: false });
  upstream.on('upgrade', (answer, upSocket) => {
    socket.write(`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}\r\n${answer.rawHeaders.map((v, i) => (i % 2 ? `${v}\r\n` : `${v}: `)).join('')}\r\n`);
    upSocket.pipe(socket).pipe(upSocket);
  });
  upstream.on('response', (answer) => {
    socket.end(`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  upstream.on('error', () => socket.destroy());
  upstream.end();
});
await new Promise<void>((resolve) => front.listen(port, host, resolve));
for (const p of all) console.log(`${p.name.padEnd(32)} https://${host}:${port}/${p.name}/api   ${p.what}`);
console.log('ready');
const stop = async () => {
  front.close();
  await Promise.all(running.map((r) => r.close()));
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
