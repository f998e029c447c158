// A probe of what a browser does with a hostile or careless server and careless script, on loopback:
// - the largest response head it accepts (status line, header lines and the blank line, in bytes), for one
//   huge header line and for many 1,000-byte lines, found by binary search;
// - request header values holding each control byte (and a few Latin-1 bytes): does fetch() throw, is the
//   request preflighted, and which bytes reach the server;
// - response header values, Access-Control-Allow-Origin values and status texts holding such bytes: is the
//   response accepted, and what does script read;
// - a request URL with credentials (http://user:pass@host/): does fetch() throw, does anything reach the server;
// - how many connections one host gets at once when script starts 30 fetches to it.
// The API server is a raw TCP server, so the exact bytes go both ways (Node's HTTP server would refuse them).
//
// usage (as root, with the browsers of test/conformance/recorded/README.md installed):
//   node scripts/conformance/probes/hostile.mjs chromium|firefox|webkit OUT.json
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';

const [, , engine = 'chromium', outFile = `hostile-${engine}.json`] = process.argv;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

const REQUEST_BYTES = [...Array(0x20).keys(), 0x7f, 0x80, 0x9b, 0xff];
const RESPONSE_BYTES = [0x00, 0x01, 0x08, 0x09, 0x0b, 0x0c, 0x1b, 0x7f, 0x80, 0x9b, 0xff];
const hex = (b) => b.toString(16).padStart(2, '0');

// ---- the API server: raw bytes in, raw bytes out ----------------------------------------------------------
const received = {}; // probe key -> [{ method, path, head (latin1) }]
let inFlight = 0;
let maxInFlight = 0;
const sockets = new Set();

function head(status, reason, lines) {
  return Buffer.from(`HTTP/1.1 ${status} ${reason}\r\n${lines.map((l) => `${l}\r\n`).join('')}\r\n`, 'latin1');
}

/** A response head of exactly `size` bytes: the base lines plus filler headers. */
function sizedHead(kind, size, origin) {
  const base = [`Access-Control-Allow-Origin: ${origin}`, 'Content-Length: 0', 'Connection: close'];
  const fixed = head(200, 'OK', base).length;
  let room = size - fixed;
  const lines = [...base];
  if (kind === 'one') {
    const overhead = 'X-Pad: '.length + 2;
    if (room >= overhead) lines.push(`X-Pad: ${'a'.repeat(room - overhead)}`);
  } else {
    let i = 0;
    while (room > 0) {
      const name = `X-Pad-${i++}: `;
      const take = Math.min(1000, room);
      if (take < name.length + 3) break;
      lines.push(`${name}${'a'.repeat(take - name.length - 2)}`);
      room -= take;
    }
  }
  return head(200, 'OK', lines);
}

function answer(request) {
  const { method, target, headers } = request;
  const origin = headers.get('origin') ?? '*';
  const parts = target.split('/').filter(Boolean);
  const key = parts.slice(0, 3).join('/');
  (received[key] ||= []).push({ method, target, head: request.raw });
  const allow = [`Access-Control-Allow-Origin: ${origin}`, 'Access-Control-Allow-Credentials: true'];
  const close = ['Content-Length: 0', 'Connection: close'];
  if (method === 'OPTIONS') {
    return head(204, 'No Content', [...allow, 'Access-Control-Allow-Methods: GET, POST, PUT', 'Access-Control-Allow-Headers: x-probe, accept, content-language', 'Access-Control-Max-Age: 0', ...close]);
  }
  if (parts[0] === 'size') return sizedHead(parts[1], Number(parts[2]), origin);
  if (parts[0] === 'resbyte') {
    const byte = String.fromCharCode(parseInt(parts[2], 16));
    if (parts[1] === 'value') return head(200, 'OK', [...allow, 'Access-Control-Expose-Headers: x-probe', `X-Probe: a${byte}b`, ...close]);
    if (parts[1] === 'acao') return head(200, 'OK', [`Access-Control-Allow-Origin: ${origin}${byte}`, ...close]);
    if (parts[1] === 'status') return Buffer.from(`HTTP/1.1 200 O${byte}K\r\n${[...allow, ...close].join('\r\n')}\r\n\r\n`, 'latin1');
  }
  return head(200, 'OK', [...allow, ...close]);
}

const api = net.createServer((socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.on('error', () => undefined);
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const raw = buffer.subarray(0, end).toString('latin1');
    buffer = Buffer.alloc(0);
    const [line, ...rest] = raw.split('\r\n');
    const [method, target] = line.split(' ');
    const headers = new Map(rest.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    const reply = () => socket.end(answer({ method, target, headers, raw }));
    if (target.startsWith('/conn/') && method !== 'OPTIONS') {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        reply();
      }, 400);
    } else {
      reply();
    }
  });
});

// ---- the page ---------------------------------------------------------------------------------------------
const page = (apiBase) => `<!doctype html><meta charset=utf-8><title>hostile probe</title><script>
const API = ${JSON.stringify(apiBase)};
const REQUEST_BYTES = ${JSON.stringify(REQUEST_BYTES)};
const RESPONSE_BYTES = ${JSON.stringify(RESPONSE_BYTES)};
const hex = (b) => b.toString(16).padStart(2, '0');
async function tryFetch(url, init = {}) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), 8000);
  try {
    const r = await fetch(url, { cache: 'no-store', ...init, signal: ctl.signal });
    const headers = [...r.headers];
    await r.arrayBuffer();
    return { outcome: 'allowed', status: r.status, statusText: r.statusText, headers };
  } catch (e) {
    return { outcome: 'rejected', error: e.name + ': ' + e.message };
  } finally {
    clearTimeout(timer);
  }
}
async function threshold(kind) {
  let lo = 1024, hi = 8 * 1024 * 1024;
  const top = await tryFetch(API + '/size/' + kind + '/' + hi);
  if (top.outcome === 'allowed') return { largestAllowed: hi, smallestBlocked: null };
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await tryFetch(API + '/size/' + kind + '/' + mid)).outcome === 'allowed') lo = mid; else hi = mid;
  }
  return { largestAllowed: lo, smallestBlocked: hi, error: (await tryFetch(API + '/size/' + kind + '/' + hi)).error };
}
(async () => {
  const out = { sizes: {}, requestValues: {}, safelistedValues: {}, responseValues: {}, allowOrigin: {}, statusText: {} };
  out.sizes.one = await threshold('one');
  out.sizes.many = await threshold('many');
  for (const b of REQUEST_BYTES) {
    out.requestValues[hex(b)] = await tryFetch(API + '/reqbyte/' + hex(b), { headers: [['x-probe', 'a' + String.fromCharCode(b) + 'b']] });
  }
  out.requestValues.whitespace = await tryFetch(API + '/reqbyte/whitespace', { headers: [['x-probe', ' \\ta b\\t ']] });
  for (const b of [0x01, 0x09, 0x1b, 0x7f]) {
    out.safelistedValues[hex(b)] = await tryFetch(API + '/safe/' + hex(b), { headers: [['accept', 'a' + String.fromCharCode(b) + 'b']] });
  }
  for (const b of RESPONSE_BYTES) {
    out.responseValues[hex(b)] = await tryFetch(API + '/resbyte/value/' + hex(b));
    out.allowOrigin[hex(b)] = await tryFetch(API + '/resbyte/acao/' + hex(b));
    out.statusText[hex(b)] = await tryFetch(API + '/resbyte/status/' + hex(b));
  }
  out.credentialsInUrl = await tryFetch(API.replace('http://', 'http://user:secret@') + '/cred/1');
  out.credentialsInUrlUserOnly = await tryFetch(API.replace('http://', 'http://user@') + '/cred/2');
  const started = performance.now();
  const all = await Promise.all(Array.from({ length: 30 }, (_, i) => tryFetch(API + '/conn/' + i)));
  out.connections = { fetches: 30, allowed: all.filter((r) => r.outcome === 'allowed').length, ms: Math.round(performance.now() - started) };
  await fetch('/result', { method: 'POST', body: JSON.stringify(out) });
})();
</script>`;

let done;
const finished = new Promise((resolve) => (done = resolve));
let result;
const pageServer = http.createServer((req, res) => {
  if (req.url === '/') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(page(`http://127.0.0.1:${api.address().port}`));
    return;
  }
  if (req.url === '/result') {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      result = JSON.parse(body);
      res.writeHead(204);
      res.end();
      done();
    });
    return;
  }
  res.writeHead(404);
  res.end();
});

await new Promise((resolve) => api.listen(0, '127.0.0.1', resolve));
await new Promise((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${pageServer.address().port}/`;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-probe-'));
let child;
if (engine === 'chromium') {
  child = spawn('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, url],
  { stdio: 'ignore', detached: true });
} else if (engine === 'firefox') {
  fs.writeFileSync(path.join(profile, 'user.js'), [
    'user_pref("browser.shell.checkDefaultBrowser", false);',
    'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
    'user_pref("network.proxy.type", 0);',
    'user_pref("app.update.enabled", false);',
  ].join('\n'));
  child = spawn('firefox-esr', ['--headless', '--no-remote', '--profile', profile, url], { stdio: 'ignore', detached: true });
} else if (engine === 'webkit') {
  child = spawn('xvfb-run', ['-a', '/usr/bin/python3', path.resolve(root, '../shared/conformance/webkit.py'), url], { stdio: 'ignore', detached: true });
} else {
  console.error('usage: node scripts/conformance/probes/hostile.mjs chromium|firefox|webkit OUT.json');
  process.exit(2);
}
const timer = setTimeout(() => {
  console.error('timed out after 10 minutes');
  done();
}, 600_000);
await finished;
clearTimeout(timer);
try {
  process.kill(-child.pid, 'SIGTERM');
} catch {}
await new Promise((resolve) => setTimeout(resolve, 300));
try {
  process.kill(-child.pid, 'SIGKILL');
} catch {}
if (result) {
  result.connections.maxInFlight = maxInFlight;
  // What reached the server for each request-value probe: was there a preflight, and the probe header's bytes.
  for (const [group, field] of [['reqbyte', 'requestValues'], ['safe', 'safelistedValues']]) {
    for (const [name, r] of Object.entries(result[field])) {
      const seen = received[`${group}/${name}`] ?? [];
      r.received = seen.map((x) => {
        const line = x.head.split('\r\n').find((l) => /^(x-probe|accept|access-control-request-headers):/i.test(l) && !/^accept: \*\/\*$/i.test(l));
        return { method: x.method, header: line ?? null };
      });
    }
  }
  result.credentialsInUrl.received = (received['cred/1'] ?? []).map((x) => ({ method: x.method, authorization: /\r\nauthorization:/i.test(x.head) }));
  result.credentialsInUrlUserOnly.received = (received['cred/2'] ?? []).map((x) => ({ method: x.method, authorization: /\r\nauthorization:/i.test(x.head) }));
}
fs.writeFileSync(outFile, `${JSON.stringify({ engine, recorded: new Date().toISOString().slice(0, 10), result: result ?? null }, null, 1)}\n`);
for (const socket of sockets) socket.destroy();
api.close();
pageServer.close();
fs.rmSync(profile, { recursive: true, force: true });
console.log(`${engine}: ${result ? 'recorded' : 'no result'} -> ${outFile}`);
process.exit(result ? 0 : 1);
