// The recording harness: serve CORS scenarios on loopback and let a real browser fetch() them.
// An extension of ../shared/conformance/harness.mjs (same scenario and result format; see its README), adding:
//  - several fetches on one page per scenario (`fetches`: preflight-cache probes), each with `waitMs` before it
//    and the index of the hop whose URL it fetches; results then carry `steps` and every received request its
//    `step`;
//  - a request URL other than hop 0's (`request.url`, placeholders allowed: other schemes, credentials);
//  - extra fetch() init members per request (`init`: cache, referrerPolicy, targetAddressSpace, ...);
//  - every console message of every engine: Chromium's from its log, Firefox's through WebDriver BiDi
//    (log.entryAdded), WebKit's through WebKitGTK's console-to-stdout setting (webkit.py beside this file);
//  - address spaces for Local Network Access probes: ADDRESS_SPACES="page=public,api=local" makes the
//    browser treat that host's port as that address space (Chromium: --ip-address-space-overrides; Firefox:
//    network.lna.address_space.*.override);
//  - WARMUP=n: the page first makes n pairs of preflighted fetches to /warmup/ on `api` (Firefox answers from its
//    preflight cache only once a page has made a few; preflight-cache probes are recorded with WARMUP=3);
//  - raw answers: a preflight or response given as `raw` (bytes, one character each, placeholders allowed) goes on
//    the socket exactly as written, and the connection closes (heads probe: status lines, header lines, framing
//    off the HTTP grammar);
//  - PERMISSIONS="local-network=granted,loopback-network=denied" for LNA probes (Chromium: through the DevTools
//    protocol; Firefox: permissions.default.* prefs); the output records both settings in `config`.
// usage: node harness.mjs SCENARIOS.json OUT.json chromium|firefox|webkit   (Node >= 22: WebSocket for Firefox)
import http from 'node:http';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { hopUrlOf, hostBase, substitute } from './placeholders.mjs';

const [, , scenFile, outFile, engine = 'chromium'] = process.argv;
const scenarios = JSON.parse(fs.readFileSync(scenFile, 'utf8'));
const byId = new Map(scenarios.map((s) => [s.id, s]));
const results = {};
const received = {}; // id -> [{host, hop, step?, method, headers}]
const currentStep = {}; // id -> step index the page is running
const consoleEntries = []; // { t, text } from Firefox BiDi
let done;
const finished = new Promise((r) => (done = r));

function listen(handler) {
  return new Promise((resolve) => {
    const srv = http.createServer(handler);
    srv.keepAliveTimeout = 1000;
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  });
}
const ports = {};
const base = (host) => hostBase(ports, host);
const hopUrl = (s, k) => hopUrlOf(ports, s, k);
const subst = (s, v) => substitute(ports, s, v);
function send(res, s, spec, body) {
  if (spec.raw !== undefined) {
    // The bytes as written, then the connection closes for good (a browser that reuses it for its next request
    // finds it gone, rather than this server reading that request and never answering it): nothing of Node's
    // HTTP server's own.
    const socket = res.socket;
    socket.end(Buffer.from(subst(s, spec.raw), 'latin1'), () => socket.destroy());
    return;
  }
  const raw = [];
  for (const [n, v] of spec.headers || []) raw.push(n, subst(s, v));
  res.sendDate = false;
  res.writeHead(spec.status ?? 200, raw);
  res.end(body ?? spec.body ?? '');
}

function scenarioServer(host) {
  return (req, res) => {
    if (req.url.startsWith('/warmup/')) {
      // Preflighted fetches the page makes before the scenarios (WARMUP=n), answered yes to everything.
      req.resume();
      res.writeHead(req.method === 'OPTIONS' ? 204 : 200, {
        'access-control-allow-origin': base('page'), 'access-control-allow-methods': 'PUT', 'access-control-allow-headers': 'x-warmup', 'access-control-max-age': '600',
      });
      return res.end();
    }
    const m = req.url.match(/^\/s\/([^/]+)\/(\d+)/);
    if (!m) { res.writeHead(404); return res.end(); }
    const s = byId.get(m[1]); const k = Number(m[2]); const hop = s?.hops[k];
    if (!hop) { res.writeHead(404); return res.end(); }
    const entry = { host, hop: k, method: req.method, headers: req.rawHeaders };
    if (s.fetches) entry.step = currentStep[s.id] ?? 0;
    (received[s.id] ||= []).push(entry);
    const isPreflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    req.resume();
    if (isPreflight && hop.preflight) return send(res, s, hop.preflight, '');
    return send(res, s, hop.response);
  };
}

const page = `<!doctype html><meta charset=utf-8><title>cors oracle</title><script>
async function one(url, r) {
  const out = {};
  const init = { method: r.method, headers: r.headers || [], credentials: r.credentials || 'same-origin',
                 mode: r.mode || 'cors', redirect: r.redirect || 'follow', cache: 'no-store', ...(r.init || {}) };
  if (r.body != null) init.body = r.body;
  const t0 = performance.now();
  try {
    const ctl = new AbortController(); const tm = setTimeout(() => ctl.abort(), 8000); init.signal = ctl.signal;
    const res = await fetch(url, init);
    clearTimeout(tm);
    out.outcome = 'allowed'; out.status = res.status; out.type = res.type; out.redirected = res.redirected;
    out.url = res.url; out.headers = [...res.headers].map(([n]) => n).sort();
    try { out.body = await res.text(); } catch (e) { out.bodyError = String(e); }
  } catch (e) { out.outcome = 'blocked'; out.error = e.name + ': ' + e.message; }
  out.ms = Math.round(performance.now() - t0);
  return out;
}
(async () => {
  const { warmup } = await (await fetch('/config.json')).json();
  for (let k = 0; k < warmup; k++) {
    for (let j = 0; j < 2; j++) await fetch('${'${'}API}/warmup/' + k, { method: 'PUT', headers: { 'x-warmup': '1' }, body: 'x', cache: 'default' }).catch(() => {});
  }
  const scen = await (await fetch('/scenarios.json')).json();
  for (const s of scen) {
    console.info('corsproof-scenario ' + s.id);
    let out;
    if (s.fetches) {
      out = { steps: [] };
      for (let k = 0; k < s.fetches.length; k++) {
        const f = s.fetches[k];
        if (f.waitMs) await new Promise((r) => setTimeout(r, f.waitMs));
        await fetch('/step/' + s.id + '/' + k, { method: 'POST' });
        console.info('corsproof-step ' + s.id + ' ' + k);
        out.steps.push(await one(f.url, f.request));
      }
      out.outcome = out.steps[out.steps.length - 1].outcome;
    } else {
      out = await one(s.url, s.request);
    }
    await fetch('/result/' + s.id, { method: 'POST', body: JSON.stringify(out) });
  }
  await fetch('/done', { method: 'POST' });
})();
</script>`;

function pageRequest(s, r) {
  return { ...r, headers: (r.headers || []).map(([n, v]) => [n, subst(s, v)]) };
}

const pageServer = (req, res) => {
  if (req.url === '/') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end(page.replace('${API}', base('api'))); }
  if (req.url === '/config.json') { res.writeHead(200, { 'content-type': 'application/json' }); return res.end(JSON.stringify({ warmup: Number(process.env.WARMUP || 0) })); }
  if (req.url === '/scenarios.json') {
    const list = scenarios.map((s) => ({
      id: s.id,
      url: s.request?.url ? subst(s, s.request.url) : hopUrl(s, 0),
      request: s.request ? pageRequest(s, s.request) : undefined,
      fetches: s.fetches?.map((f) => ({ url: hopUrl(s, f.hop ?? 0), waitMs: f.waitMs ?? 0, request: pageRequest(s, f.request) })),
    }));
    res.writeHead(200, { 'content-type': 'application/json' }); return res.end(JSON.stringify(list));
  }
  const step = req.url.match(/^\/step\/([^/]+)\/(\d+)$/);
  if (step) { currentStep[step[1]] = Number(step[2]); req.resume(); res.writeHead(204); return res.end(); }
  const m = req.url.match(/^\/result\/(.+)$/);
  if (m) {
    let b = ''; req.on('data', (c) => (b += c)); req.on('end', () => { results[m[1]] = JSON.parse(b); res.writeHead(204); res.end(); });
    return;
  }
  if (req.url === '/done') { res.writeHead(204); res.end(); return done(); }
  if (req.url.startsWith('/s/')) return scenarioServer('page')(req, res);
  res.writeHead(404); res.end();
};

const servers = { page: await listen(pageServer), api: await listen(scenarioServer('api')), other: await listen(scenarioServer('other')) };
for (const [k, s] of Object.entries(servers)) ports[k] = s.address().port;
const url = `${base('page')}/`;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'oracle-'));

/** ADDRESS_SPACES="page=public,api=local,other=loopback" */
const addressSpaces = Object.fromEntries((process.env.ADDRESS_SPACES || '').split(',').filter(Boolean).map((x) => x.split('=')));
const permissions = Object.fromEntries((process.env.PERMISSIONS || '').split(',').filter(Boolean).map((x) => x.split('=')));

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const p = srv.address().port; srv.close(() => resolve(p)); });
  });
}

let child;
let log = '';
let devtoolsPort;
if (engine === 'chromium') {
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-logging=stderr', '--v=0',
    `--user-data-dir=${profile}`];
  const overrides = Object.entries(addressSpaces).map(([host, space]) => `127.0.0.1:${ports[host]}=${space}`);
  if (overrides.length) args.push(`--ip-address-space-overrides=${overrides.join(',')}`);
  if (Object.keys(permissions).length) {
    devtoolsPort = await freePort();
    args.push(`--remote-debugging-port=${devtoolsPort}`, 'about:blank');
  } else {
    args.push(url);
  }
  if (process.env.CHROMIUM_FLAGS) args.push(...process.env.CHROMIUM_FLAGS.split(' ').filter(Boolean));
  child = spawn('chromium', args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
} else if (engine === 'firefox') {
  const prefs = [
    'user_pref("devtools.console.stdout.content", true);',
    'user_pref("devtools.console.stdout.chrome", true);',
    'user_pref("browser.shell.checkDefaultBrowser", false);',
    'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
    'user_pref("network.proxy.type", 0);',
    'user_pref("app.update.enabled", false);',
    'user_pref("remote.log.level", "Warn");',
  ];
  // Firefox names the address spaces public, private (Chromium's local) and local (Chromium's loopback).
  const FIREFOX_SPACE = { public: 'public', local: 'private', loopback: 'local' };
  const bySpace = {};
  for (const [host, space] of Object.entries(addressSpaces)) (bySpace[FIREFOX_SPACE[space] ?? space] ||= []).push(`127.0.0.1:${ports[host]}`);
  for (const [space, list] of Object.entries(bySpace)) prefs.push(`user_pref("network.lna.address_space.${space}.override", "${list.join(',')}");`);
  const FIREFOX_PERMISSION = { granted: 1, denied: 2, prompt: 0 };
  for (const [name, setting] of Object.entries(permissions)) prefs.push(`user_pref("permissions.default.${name}", ${FIREFOX_PERMISSION[setting]});`);
  for (const line of (process.env.FIREFOX_PREFS || '').split(';').filter(Boolean)) {
    const [name, value] = line.split('=');
    prefs.push(`user_pref(${JSON.stringify(name)}, ${value});`);
  }
  fs.writeFileSync(path.join(profile, 'user.js'), prefs.join('\n'));
  devtoolsPort = await freePort();
  child = spawn('firefox-esr', ['--headless', '--no-remote', '--profile', profile, `--remote-debugging-port=${devtoolsPort}`, 'about:blank'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
} else if (engine === 'webkit') {
  child = spawn('xvfb-run', ['-a', '/usr/bin/python3', path.join(path.dirname(new URL(import.meta.url).pathname), 'webkit.py'), url], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
}
child.stderr?.on('data', (d) => (log += d));
child.stdout?.on('data', (d) => (log += d));

async function waitFor(check, ms) {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error('timed out waiting for the browser');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A minimal JSON-over-WebSocket command client (WebDriver BiDi and the DevTools protocol share the shape). */
function wsClient(wsUrl, onEvent) {
  const ws = new WebSocket(wsUrl);
  let id = 0;
  const pending = new Map();
  ws.onmessage = (m) => {
    const msg = JSON.parse(m.data);
    if (msg.id !== undefined && pending.has(msg.id)) {
      const p = pending.get(msg.id); pending.delete(msg.id);
      if (msg.error) p.reject(new Error(`${msg.error.message ?? msg.error} ${msg.message ?? ''}`)); else p.resolve(msg.result);
    } else onEvent(msg);
  };
  const opened = new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
  return {
    opened,
    send(method, params = {}, extra = {}) {
      const msg = { id: ++id, method, params, ...extra };
      return new Promise((resolve, reject) => { pending.set(msg.id, { resolve, reject }); ws.send(JSON.stringify(msg)); });
    },
    close() { try { ws.close(); } catch {} },
  };
}

let remote;
if (engine === 'firefox') {
  // WebDriver BiDi: the CORS errors are console messages of the page's window (log.entryAdded, type javascript).
  await waitFor(() => /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log), 60000);
  remote = wsClient(`ws://127.0.0.1:${devtoolsPort}/session`, (msg) => {
    if (msg.method === 'log.entryAdded') consoleEntries.push({ level: msg.params.level, type: msg.params.type, text: msg.params.text });
  });
  await remote.opened;
  await remote.send('session.new', { capabilities: {} });
  await remote.send('session.subscribe', { events: ['log.entryAdded'] });
  const tree = await remote.send('browsingContext.getTree', {});
  await remote.send('browsingContext.navigate', { context: tree.contexts[0].context, url, wait: 'none' });
} else if (engine === 'chromium' && devtoolsPort) {
  const version = await waitFor(async () => {
    try { return await (await fetch(`http://127.0.0.1:${devtoolsPort}/json/version`)).json(); } catch { return null; }
  }, 60000);
  remote = wsClient(version.webSocketDebuggerUrl, () => {});
  await remote.opened;
  for (const [name, setting] of Object.entries(permissions)) {
    await remote.send('Browser.setPermission', { permission: { name }, setting, origin: base('page') });
  }
  const { targetInfos } = await remote.send('Target.getTargets');
  const tab = targetInfos.find((t) => t.type === 'page');
  const { sessionId } = await remote.send('Target.attachToTarget', { targetId: tab.targetId, flatten: true });
  await remote.send('Page.navigate', { url }, { sessionId });
}

const timer = setTimeout(() => { console.error('timeout; results so far', Object.keys(results).length); done(); }, Number(process.env.ORACLE_TIMEOUT_MS || 1800000));
await finished;
clearTimeout(timer);
await new Promise((r) => setTimeout(r, 500)); // let the last console messages arrive
remote?.close();
try { process.kill(-child.pid, 'SIGTERM'); } catch {}
await new Promise((r) => setTimeout(r, 300));
try { process.kill(-child.pid, 'SIGKILL'); } catch {}
for (const s of scenarios) {
  const r = results[s.id] || { outcome: 'missing' };
  r.received = (received[s.id] || []).map((x) => ({ ...x, headers: pairs(x.headers) }));
  results[s.id] = r;
}
function pairs(raw) { const o = []; for (let i = 0; i < raw.length; i += 2) o.push([raw[i].toLowerCase(), raw[i + 1]]); return o; }
const extra = engine === 'firefox' ? { consoleEntries } : {};
const config = Object.keys(addressSpaces).length || Object.keys(permissions).length ? { config: { addressSpaces, permissions } } : {};
fs.writeFileSync(outFile, JSON.stringify({ engine, ports, ...config, results, ...extra }, null, 1));
fs.writeFileSync(outFile + '.log', log);
for (const s of Object.values(servers)) s.close();
fs.rmSync(profile, { recursive: true, force: true });
console.log(`${engine}: ${Object.values(results).filter((r) => r.outcome !== 'missing').length}/${scenarios.length} scenarios`);
process.exit(0);
