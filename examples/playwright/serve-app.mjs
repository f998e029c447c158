/** The app's static files, for page.route: the tests serve the front end at https://app.example. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'app');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** Read one file of the app: `/` is index.html. Resolves with null for anything else. */
export async function appFile(pathname) {
  const name = pathname === '/' ? 'index.html' : pathname.slice(1);
  if (!/^[\w.-]+$/.test(name)) return null;
  try {
    return { body: await readFile(path.join(dir, name)), contentType: TYPES[path.extname(name)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

/** A Playwright route handler serving the app. */
export async function serveApp(route) {
  const file = await appFile(new URL(route.request().url()).pathname);
  if (!file) return route.fulfill({ status: 404, body: 'not found' });
  return route.fulfill({ status: 200, body: file.body, contentType: file.contentType });
}
