/**
 * The `Request`, `Response` and `Headers` classes for the server side of an exchange: what a mocked server, a
 * fetch handler or an MSW handler receives and answers with.
 *
 * A test's global classes may be the page's, and the page's are not the server's: happy-dom's `Request` drops
 * the headers a page may not set (`Origin`, `Access-Control-Request-*`), and Jest's jsdom environment has no
 * `Request` at all. So the classes are looked up when first needed (never when a module loads), in this order:
 * 1. Node's own classes, from the global scope or, under Jest's vm-based environments, from Node's main realm,
 *    whichever keeps a forbidden request header as a server would see it;
 * 2. where Node's own are out of reach (happy-dom replaces them in place, and in a browser there are none), the
 *    environment's classes, with every server-side request carrying its full header list back (a subclass whose
 *    `headers` is a plain `Headers` holding the wire's list, which no guard filters).
 */

export interface ServerClasses {
  Request: typeof Request;
  Response: typeof Response;
  Headers: typeof Headers;
  /** True when `Request` drops forbidden request headers, so server-side requests restore them. */
  restoresHeaders: boolean;
}

type Scope = Partial<Record<'Request' | 'Response' | 'Headers', unknown>>;

let resolved: ServerClasses | undefined;
/** The global `Request` the classes were found with: MSW 3 replaces it while it listens, so a change means look again. */
let resolvedFor: unknown;

/** The classes for server-side requests and responses (see the module comment). */
export function serverClasses(): ServerClasses {
  const current = (globalThis as Scope).Request;
  if (resolved && resolvedFor === current) return resolved;
  resolvedFor = current;
  requestClass = undefined;
  // Node's main realm is looked up only when the global classes will not do (it loads node:vm).
  const global = globalThis as Scope;
  const usable = (scope: Scope | undefined): scope is Scope => scope !== undefined && hasFetchClasses(scope) && keepsForbiddenHeaders(scope.Request as typeof Request);
  const globalKeeps = usable(global);
  const main = globalKeeps ? undefined : nodeMainRealm();
  const keeping = globalKeeps ? global : main !== global && usable(main) ? main : undefined;
  if (keeping) {
    resolved = { Request: keeping.Request as typeof Request, Response: keeping.Response as typeof Response, Headers: keeping.Headers as typeof Headers, restoresHeaders: false };
    return resolved;
  }
  const scope = [global, main].find((s): s is Scope => s !== undefined && hasFetchClasses(s));
  if (!scope) {
    throw new Error(
      'corsproof needs the Fetch API classes (Request, Response, Headers), and this environment has none. ' +
        "Run on Node 22.12 or later, or in an environment that provides them (for Jest's jsdom, jest-fixed-jsdom).",
    );
  }
  resolved = { Request: scope.Request as typeof Request, Response: scope.Response as typeof Response, Headers: scope.Headers as typeof Headers, restoresHeaders: true };
  return resolved;
}

/** For tests: forget the classes found, so the next call looks again. */
export function resetServerClasses(): void {
  resolved = undefined;
  resolvedFor = undefined;
  requestClass = undefined;
}

function hasFetchClasses(scope: Scope): boolean {
  return typeof scope.Request === 'function' && typeof scope.Response === 'function' && typeof scope.Headers === 'function';
}

function keepsForbiddenHeaders(RequestClass: typeof Request): boolean {
  try {
    return new RequestClass('http://corsproof.invalid/', { headers: [['origin', 'http://a.invalid']] }).headers.get('origin') === 'http://a.invalid';
  } catch {
    return false;
  }
}

/**
 * Node's main realm, seen from a vm context (Jest runs every test file in one, with the environment's globals):
 * `vm.runInThisContext` evaluates in Node's own context. In a single-realm environment this is `globalThis`.
 */
function nodeMainRealm(): Scope | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    const vm = proc?.getBuiltinModule?.('node:vm') as { runInThisContext(code: string): unknown } | undefined;
    return vm?.runInThisContext('globalThis') as Scope | undefined;
  } catch {
    return undefined;
  }
}

export interface ServerRequestInit {
  method: string;
  /** The header list as it goes on the wire: order, case and repeats kept, forbidden names included. */
  headers: ReadonlyArray<readonly [string, string]>;
  /** The body; `undefined` takes it from `input` when that is a `Request`. */
  body: Uint8Array | null | undefined;
  redirect?: RequestRedirect;
  /**
   * The request's signal: aborts when the client gives up (the emulator's deadline). A function gives it when
   * the handler first reads `request.signal` (most never do, and making one costs more than a simple exchange).
   */
  signal?: AbortSignal | (() => AbortSignal);
}

type ServerRequestClass = new (url: string | Request, init: ServerRequestInit) => Request;

let requestClass: ServerRequestClass | undefined;

/** A server-side `Request`: every header of the wire (forbidden ones included), the given signal, a body. */
export function makeServerRequest(url: string, init: ServerRequestInit): Request {
  const classes = serverClasses();
  requestClass ??= defineServerRequest(classes);
  return new requestClass(url, init);
}

function defineServerRequest({ Request: Base, Headers: HeadersClass, restoresHeaders }: ServerClasses): ServerRequestClass {
  /**
   * The signal is handed out as is rather than passed to `new Request()`: undici would follow it with a
   * listener, a weak reference and a finalizer per request, which costs more than most handlers do (bench:
   * about 10 µs a request); handing out the signal itself costs nothing and aborts the same way. A clone keeps it.
   */
  class ServerRequest extends Base {
    #signal: AbortSignal | (() => AbortSignal) | undefined;
    readonly #list: ReadonlyArray<readonly [string, string]>;
    constructor(input: string | Request, init: ServerRequestInit) {
      const platformInit: RequestInit = { method: init.method, headers: init.headers as Array<[string, string]>, redirect: init.redirect ?? 'manual' };
      if (init.body !== undefined) {
        const hasBody = init.body !== null && init.method !== 'GET' && init.method !== 'HEAD';
        platformInit.body = hasBody ? (init.body as Uint8Array<ArrayBuffer>) : null;
      }
      super(input, platformInit);
      this.#signal = init.signal;
      this.#list = init.headers;
    }
    override get signal(): AbortSignal {
      if (!(#signal in this)) return super.signal;
      if (typeof this.#signal === 'function') this.#signal = this.#signal();
      return this.#signal ?? super.signal;
    }
    override clone(): Request {
      const copy = super.clone();
      return new (this.constructor as ServerRequestClass)(copy, { method: copy.method, headers: this.#list, body: undefined, redirect: copy.redirect, signal: this.#signal });
    }
  }
  if (!restoresHeaders) return ServerRequest as unknown as ServerRequestClass;
  /**
   * Where the platform's `Request` drops forbidden request headers, `headers` is a plain `Headers` holding the
   * wire's list. (Only there: an overridden getter costs a private-field check on every read a handler makes.)
   */
  return class RestoringServerRequest extends ServerRequest {
    readonly #headers: Headers;
    constructor(input: string | Request, init: ServerRequestInit) {
      super(input, init);
      const headers = new HeadersClass();
      for (const [name, value] of init.headers) headers.append(name, value);
      this.#headers = headers;
    }
    // The base constructor may read this before this class's fields exist.
    override get headers(): Headers {
      return (#headers in this ? this.#headers : undefined) ?? super.headers;
    }
  } as unknown as ServerRequestClass;
}

/** A `Response` of any realm or library, by what script can call on it (not `instanceof`, which is per realm). */
export function isResponseLike(value: unknown): value is Response {
  if (value === null || typeof value !== 'object') return false;
  const response = value as Partial<Response>;
  return (
    typeof response.status === 'number' &&
    typeof response.statusText === 'string' &&
    typeof response.headers === 'object' &&
    response.headers !== null &&
    typeof (response.headers as Headers).forEach === 'function' &&
    typeof response.arrayBuffer === 'function'
  );
}

/** A `Headers` of any realm or library, by what script can call on it. */
export function isHeadersLike(value: unknown): value is Headers {
  if (value === null || typeof value !== 'object') return false;
  const headers = value as Partial<Headers>;
  return typeof headers.get === 'function' && typeof headers.forEach === 'function' && typeof headers.append === 'function' && typeof headers.has === 'function';
}

type Codecs = { TextEncoder: typeof TextEncoder; TextDecoder: typeof TextDecoder };
let codecs: { encoder: TextEncoder; decoder: TextDecoder } | undefined;

const hasCodecs = (s: Partial<Codecs> | undefined): s is Codecs => typeof s?.TextEncoder === 'function' && typeof s?.TextDecoder === 'function';

/**
 * UTF-8 text codecs, made when first used: Jest's jsdom environment has no `TextEncoder` or `TextDecoder` of its
 * own (Node's main realm has them), and a module must load there. The main realm is looked up only then.
 */
function textCodecs(): { encoder: TextEncoder; decoder: TextDecoder } {
  if (codecs) return codecs;
  const global = globalThis as Partial<Codecs>;
  const scope = hasCodecs(global) ? global : (nodeMainRealm() as Partial<Codecs> | undefined);
  if (!hasCodecs(scope)) throw new Error('corsproof needs TextEncoder and TextDecoder, and this environment has neither.');
  codecs = { encoder: new scope.TextEncoder(), decoder: new scope.TextDecoder() };
  return codecs;
}

export function encodeUtf8(text: string): Uint8Array {
  // Short ASCII text (a JSON body, a header value) byte by byte: cheaper than a call into the encoder.
  if (text.length <= 256) {
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0x7f) return textCodecs().encoder.encode(text);
      bytes[i] = c;
    }
    return bytes;
  }
  return textCodecs().encoder.encode(text);
}

export function decodeUtf8(bytes: Uint8Array): string {
  return textCodecs().decoder.decode(bytes);
}
