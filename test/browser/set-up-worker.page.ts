/**
 * The page side of the setupWorker test: bundled for the browser (with msw 2 or msw 3) and run in a real
 * Chromium, where MSW answers from its service worker. It records what the page's script saw in
 * `window.__results`, first under `enforceCors(worker)`, then with MSW alone.
 */
import axios from 'axios';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { enforceCors, withCors } from 'corsproof/msw';

const API = 'https://api.example';
let preflights = 0;
let puts = 0;

const worker = setupWorker(
  http.get(`${API}/bare`, () => HttpResponse.json({ bare: true })),
  http.options(`${API}/hand`, () => {
    preflights++;
    return new HttpResponse(null, {
      status: 204,
      headers: { 'access-control-allow-origin': location.origin, 'access-control-allow-methods': 'PUT', 'access-control-allow-headers': 'x-token', 'access-control-max-age': '600' },
    });
  }),
  http.put(`${API}/hand`, () => {
    puts++;
    return HttpResponse.json({ saved: true }, { headers: { 'access-control-allow-origin': location.origin } });
  }),
  ...withCors({ origin: location.origin, credentials: true, exposeHeaders: ['x-total'] }, [
    http.get(`${API}/items`, () => HttpResponse.json([1], { headers: { 'x-total': '1', 'x-secret': 's' } })),
  ]),
  ...withCors({ origin: '*' }, [http.get(`${API}/public`, () => HttpResponse.text('public'))]),
);

function xhr(method: string, url: string, init: { headers?: Record<string, string>; withCredentials?: boolean } = {}) {
  return new Promise<Record<string, unknown>>((resolve) => {
    const request = new XMLHttpRequest();
    request.open(method, url);
    request.withCredentials = init.withCredentials ?? false;
    for (const [name, value] of Object.entries(init.headers ?? {})) request.setRequestHeader(name, value);
    request.onload = () => resolve({ event: 'load', status: request.status, total: request.getResponseHeader('x-total'), secret: request.getResponseHeader('x-secret') });
    request.onerror = () => resolve({ event: 'error', status: request.status });
    request.send();
  });
}

function step(name: string) {
  (window as unknown as { __step: string }).__step = name;
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    const e = error as Error & { verdict?: { reason?: { code: string } }; code?: string };
    return { name: e.name, message: e.message, hasCause: 'cause' in e, code: e.code, reason: e.verdict?.reason?.code };
  }
}

async function run() {
  const logged: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
  const pageFetch = window.fetch;
  const pageXhr = window.XMLHttpRequest;
  step('worker.start');
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
  step('cors');
  const cors = enforceCors(worker);
  const results: Record<string, unknown> = { origin: cors.origin };

  step('results.blocked');
  results.blocked = await failure(fetch(`${API}/bare`));
  step('allowed');
  const allowed = await fetch(`${API}/items`, { credentials: 'include' });
  step('results.allowed');
  results.allowed = { type: allowed.type, status: allowed.status, total: allowed.headers.get('x-total'), secret: allowed.headers.get('x-secret'), body: await allowed.json(), isResponse: allowed instanceof Response };
  step('fetch');
  await fetch(`${API}/hand`, { method: 'PUT', headers: { 'x-token': 't' } });
  step('fetch');
  await fetch(`${API}/hand`, { method: 'PUT', headers: { 'x-token': 't' } });
  step('results.preflighted');
  results.preflighted = { preflights, puts };
  step('results.extraHeader');
  results.extraHeader = await failure(fetch(`${API}/hand`, { method: 'PUT', headers: { 'x-token': 't', 'x-extra': '1' } }));
  step('results.credentials');
  results.credentials = await failure(fetch(`${API}/public`, { credentials: 'include' }));
  step('results.xhrBlocked');
  results.xhrBlocked = await xhr('GET', `${API}/bare`);
  step('results.xhrAllowed');
  results.xhrAllowed = await xhr('GET', `${API}/items`, { withCredentials: true });
  step('results.axiosBlocked');
  results.axiosBlocked = await failure(axios.get(`${API}/bare`));
  step('results.axiosAllowed');
  results.axiosAllowed = (await axios.get(`${API}/items`, { withCredentials: true })).headers['x-secret'] ?? null;
  step('results.verdicts');
  results.verdicts = cors.verdicts.map((v) => v.allowed);
  step('results.logged');
  results.logged = logged.filter((line) => line.startsWith('Access to'));

  cors.dispose();
  step('results.restored');
  results.restored = window.fetch === pageFetch && window.XMLHttpRequest === pageXhr;
  // MSW alone: its service worker's answers skip the browser's CORS check, so the same blocked request passes.
  step('alone');
  const alone = await fetch(`${API}/bare`);
  step('results.mswAlone');
  results.mswAlone = { status: alone.status, body: await alone.json() };
  worker.stop();
  console.error = consoleError;
  return results;
}

(window as unknown as { __results: Promise<unknown> }).__results = run().catch((error: Error) => ({ crashed: String(error?.stack ?? error) }));
