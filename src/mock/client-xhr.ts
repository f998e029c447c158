/**
 * The page's `XMLHttpRequest` under `enforceCors`. Each instance is the environment's own (jsdom's, happy-dom's,
 * MSW's proxy of them, a browser's), seen through a proxy that records what script set (method, URL, headers,
 * `withCredentials`) and shows script only what the gate allowed:
 * - blocked: the request fails as a network error (the gate answers MSW with one: `error` fires, `status` is 0);
 *   the `error` event carries no message of the environment's (axios then says `Network Error`, as in a browser),
 *   or under `onBlocked: 'throw'` the console message;
 * - allowed: `getResponseHeader()` and `getAllResponseHeaders()` show the readable headers only.
 */
import { printedMessage, type OnBlocked } from './blocked.js';
import type { ClientSettings } from './client-fetch.js';
import type { PageCall } from './page-calls.js';
import { pageBase, resolvePageUrl, type HeaderList } from './page-request.js';

type XhrClass = new (...args: unknown[]) => XMLHttpRequest;

export function wrapXhr(Inner: XhrClass, settings: ClientSettings): XhrClass {
  return new Proxy(Inner, {
    construct(target, args) {
      const xhr = Reflect.construct(target, args) as XMLHttpRequest;
      return settings.active() ? instrument(xhr, settings) : xhr;
    },
  });
}

interface XhrState {
  method: string;
  url: string | null;
  async: boolean;
  headers: HeaderList;
  call?: PageCall;
  finish?: () => void;
}

function instrument(xhr: XMLHttpRequest, settings: ClientSettings): XMLHttpRequest {
  const state: XhrState = { method: 'GET', url: null, async: true, headers: [] };
  // A call lasts until the request ends (in a browser, the gate meets it after the service worker's round trip).
  xhr.addEventListener('loadend', () => {
    state.finish?.();
    state.finish = undefined;
  });
  // Registered first, so it runs before the page's own listeners; `onerror` is wrapped below, as some
  // implementations (MSW 2's XMLHttpRequest proxy) call it before the listeners.
  const markError = (event: Event) => {
    const outcome = state.call?.outcome;
    if (outcome?.kind !== 'verdict' || outcome.verdict.allowed) return;
    setMessage(event, settings.onBlocked === 'throw' ? printedMessage(outcome.verdict) : undefined);
  };
  xhr.addEventListener('error', markError);
  let onerror: unknown = null;

  const methods: Record<string, (...args: never[]) => unknown> = {
    open(method: string, url: string | URL, async?: boolean, user?: string | null, password?: string | null) {
      state.method = String(method);
      state.url = resolvePageUrl(String(url), pageBase(settings.origin));
      state.async = async === undefined ? true : Boolean(async);
      state.headers = [];
      state.call = undefined;
      return arguments.length > 2 ? xhr.open(method, url, Boolean(async), user, password) : xhr.open(method, url as string);
    },
    setRequestHeader(name: string, value: string) {
      state.headers.push([String(name), String(value)]);
      return xhr.setRequestHeader(name, value);
    },
    send(body?: Document | XMLHttpRequestBodyInit | null) {
      const call = state.async && settings.active() ? pageCall(state, xhr, body, settings) : undefined;
      state.call = call;
      if (!call) return xhr.send(body);
      // The environment's send() may throw synchronously (a bad state): let it, as the page would see it.
      let thrown: { error: unknown } | undefined;
      const finished = new Promise<void>((resolve) => {
        state.finish = resolve;
      });
      void settings.calls.run(call, () => {
        try {
          xhr.send(body);
        } catch (error) {
          thrown = { error };
          return Promise.resolve();
        }
        return finished;
      });
      if (thrown) throw thrown.error;
    },
    getResponseHeader(name: string) {
      const readable = readableHeaders(state);
      if (!readable) return xhr.getResponseHeader(name);
      return readable.has(String(name).toLowerCase()) ? xhr.getResponseHeader(name) : null;
    },
    getAllResponseHeaders() {
      const all = xhr.getAllResponseHeaders();
      const readable = readableHeaders(state);
      if (!readable) return all;
      return all
        .split(/\r?\n/)
        .filter((line) => line && readable.has(line.slice(0, line.indexOf(':')).trim().toLowerCase()))
        .map((line) => `${line}\r\n`)
        .join('');
    },
  };

  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(xhr, {
    get(target, prop) {
      if (typeof prop === 'string' && Object.hasOwn(methods, prop)) return methods[prop];
      if (prop === 'onerror') return onerror;
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function' || prop === 'constructor') return value;
      let fn = bound.get(prop) as { source: unknown; bound: unknown } | undefined;
      if (!fn || fn.source !== value) {
        fn = { source: value, bound: (value as (...a: unknown[]) => unknown).bind(target) };
        bound.set(prop, fn);
      }
      return fn.bound;
    },
    set(target, prop, value) {
      if (prop === 'onerror') {
        onerror = value;
        const handler = typeof value === 'function' ? function (this: unknown, event: Event) {
          markError(event);
          return (value as (event: Event) => unknown).call(this, event);
        } : value;
        return Reflect.set(target, prop, handler, target);
      }
      return Reflect.set(target, prop, value, target);
    },
  });
}

function pageCall(state: XhrState, xhr: XMLHttpRequest, body: unknown, settings: ClientSettings): PageCall | undefined {
  if (state.url === null || new URL(state.url).origin === settings.origin) return undefined;
  const method = state.method.toUpperCase();
  const standard = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'].includes(method);
  return {
    client: 'xhr',
    order: settings.nextOrder(),
    request: {
      url: state.url,
      method: standard ? method : state.method,
      // XMLHttpRequest combines repeated names into one value (setRequestHeader appends with ", ").
      headers: combine(state.headers),
      mode: 'cors',
      credentials: xhr.withCredentials ? 'include' : 'same-origin',
      redirect: 'follow',
      hasBody: body !== undefined && body !== null && method !== 'GET' && method !== 'HEAD',
    },
  };
}

function combine(headers: HeaderList): HeaderList {
  const out: HeaderList = [];
  for (const [name, value] of headers) {
    const existing = out.find(([n]) => n.toLowerCase() === name.toLowerCase());
    if (existing) existing[1] = `${existing[1]}, ${value}`;
    else out.push([name, value]);
  }
  return out;
}

/** The names script may read, when the gate judged this request and allowed it; otherwise null (untouched). */
function readableHeaders(state: XhrState): Set<string> | null {
  const outcome = state.call?.outcome;
  if (outcome?.kind !== 'verdict' || !outcome.verdict.response) return null;
  return new Set(Object.keys(outcome.verdict.response.headers));
}

function setMessage(event: Event, message: string | undefined): void {
  try {
    Object.defineProperty(event, 'message', { value: message, configurable: true, enumerable: true });
  } catch {
    // An event whose `message` cannot be redefined keeps its own.
  }
}

export type { OnBlocked };
