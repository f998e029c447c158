/**
 * What a page's script asked of each fetch() and XMLHttpRequest: mode, credentials, redirect mode and the headers
 * script set. The wire does not carry these (credentials: 'include' without cookies looks like any other
 * request), so a small init script writes them down in the page, synchronously, as each call is made; the
 * route handler reads the note for the request it intercepts. The page's own behaviour is unchanged: the real
 * fetch and XMLHttpRequest run with the same arguments, at the same moment.
 */
import type { RequestCredentials_, RequestMode, RequestRedirect_ } from '../types.js';

export interface RequestNote {
  api: 'fetch' | 'xhr';
  mode: RequestMode;
  credentials: RequestCredentials_;
  redirect: RequestRedirect_;
  headers: Array<[string, string]>;
}

/** The key of a note: the method as sent and the URL without fragment. */
export function noteKey(method: string, url: string): string {
  const u = new URL(url);
  u.hash = '';
  return `${method} ${u.href}`;
}

/** The init script (plain JavaScript, run in every frame before the page's own scripts). */
export const NOTES_SCRIPT = `(() => {
  const KEY = Symbol.for('corsproof.requestNotes');
  if (globalThis[KEY]) return;
  const notes = new Map();
  let count = 0;
  const NORMAL = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];
  const method = (m) => { const s = String(m || 'GET'); return NORMAL.includes(s.toUpperCase()) ? s.toUpperCase() : s; };
  const key = (m, url) => { const u = new URL(String(url), document.baseURI); u.hash = ''; return method(m) + ' ' + u.href; };
  const put = (k, note) => {
    if (count >= 500) { const first = notes.keys().next().value; const q = notes.get(first); q.shift(); count--; if (!q.length) notes.delete(first); }
    const q = notes.get(k) || [];
    q.push(note); count++;
    notes.set(k, q);
  };
  Object.defineProperty(globalThis, KEY, { value: { take(k) { const q = notes.get(k); if (!q) return null; const n = q.shift(); count--; if (!q.length) notes.delete(k); return n || null; } } });
  const realFetch = globalThis.fetch;
  if (typeof realFetch === 'function') {
    globalThis.fetch = function fetch(input, init) {
      try {
        const req = typeof Request === 'function' && input instanceof Request ? input : null;
        const i = init || {};
        const headers = [];
        const h = new Headers(i.headers !== undefined ? i.headers : req ? req.headers : undefined);
        h.forEach((value, name) => headers.push([name, value]));
        put(key(i.method || (req ? req.method : 'GET'), req ? req.url : input instanceof URL ? input.href : input), {
          api: 'fetch',
          mode: i.mode || (req ? req.mode : 'cors'),
          credentials: i.credentials || (req ? req.credentials : 'same-origin'),
          redirect: i.redirect || (req ? req.redirect : 'follow'),
          headers,
        });
      } catch (e) { /* a call fetch() itself will reject: nothing to note */ }
      return realFetch.apply(this, arguments);
    };
  }
  const XHR = globalThis.XMLHttpRequest;
  if (typeof XHR === 'function') {
    const state = new WeakMap();
    const open = XHR.prototype.open, setRequestHeader = XHR.prototype.setRequestHeader, send = XHR.prototype.send;
    XHR.prototype.open = function (m, url) { try { state.set(this, { key: key(m, url), headers: [] }); } catch (e) {} return open.apply(this, arguments); };
    XHR.prototype.setRequestHeader = function (name, value) { const s = state.get(this); if (s) s.headers.push([String(name).toLowerCase(), String(value)]); return setRequestHeader.apply(this, arguments); };
    XHR.prototype.send = function () {
      const s = state.get(this);
      if (s) put(s.key, { api: 'xhr', mode: 'cors', credentials: this.withCredentials ? 'include' : 'same-origin', redirect: 'follow', headers: s.headers });
      return send.apply(this, arguments);
    };
  }
})();`;

interface FrameLike {
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
}

/** Take the note for `key` from the frame, or null (no note, a worker's request, a frame busy in a sync XHR). */
export async function takeNote(frame: FrameLike | null, key: string, timeoutMs = 1000): Promise<RequestNote | null> {
  if (!frame) return null;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const read = frame
      .evaluate((k: string) => {
        const store = (globalThis as Record<symbol, { take(k: string): unknown } | undefined>)[Symbol.for('corsproof.requestNotes')];
        return store ? (store.take(k) as RequestNote | null) : null;
      }, key)
      .catch(() => null);
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
