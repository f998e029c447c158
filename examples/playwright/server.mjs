/**
 * The example for real: the app on one loopback port, the API (the same handler, behind the same kind of CORS
 * policy) on another, so the page's requests are cross-origin and a real browser enforces CORS on them.
 * `node examples/playwright/server.mjs` starts both and prints the URL to open; tests call startExample().
 */
import http from 'node:http';
import { corsHandler } from 'corsproof/mock';
import { productionPolicy, profileApi } from './api.mjs';
import { appFile } from './serve-app.mjs';

/**
 * Start the app and the API. `policy` overrides fields of the production policy (its origin is the app's
 * loopback origin here). Resolves with the URLs and `close()`.
 */
export async function startExample({ policy = {} } = {}) {
  const app = http.createServer(async (req, res) => {
    const file = await appFile(new URL(req.url, 'http://x').pathname);
    res.writeHead(file ? 200 : 404, { 'content-type': file?.contentType ?? 'text/plain' });
    res.end(file?.body ?? 'not found');
  });
  await listen(app);
  const appOrigin = `http://127.0.0.1:${app.address().port}`;
  const handler = corsHandler({ ...productionPolicy, origin: appOrigin, ...policy }, profileApi());
  const api = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, String(value));
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks);
    const response = await handler(new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await listen(api);
  const apiUrl = `http://127.0.0.1:${api.address().port}`;
  return {
    appOrigin,
    apiUrl,
    /** The page to open: the app, talking to this API. */
    pageUrl: `${appOrigin}/?api=${encodeURIComponent(apiUrl)}`,
    close: () => Promise.all([app, api].map((s) => new Promise((resolve) => s.close(resolve)))),
  };
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const example = await startExample();
  console.log(`App: ${example.pageUrl}\nAPI: ${example.apiUrl}\nCtrl-C to stop.`);
}
