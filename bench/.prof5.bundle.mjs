// src/identity.ts
var BRANDS = /* @__PURE__ */ Symbol.for("corsproof.brands");
var BRAND = /* @__PURE__ */ Symbol.for("corsproof.brand");
function brand(cls, name) {
  const inherited = Object.getPrototypeOf(cls.prototype)?.[BRANDS];
  const brands = Object.freeze([...Array.isArray(inherited) ? inherited : [], name]);
  Object.defineProperty(cls.prototype, BRANDS, { value: brands });
  Object.defineProperty(cls, BRAND, { value: name });
  Object.defineProperty(cls, Symbol.hasInstance, { value: hasInstance, configurable: true });
}
function hasInstance(value) {
  if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
  if (!Object.hasOwn(this, BRAND) || typeof value !== "object" && typeof value !== "function" || value === null) return false;
  const brands = value[BRANDS];
  return Array.isArray(brands) && brands.includes(this[BRAND]);
}

// src/errors.ts
var CorsproofError = class extends Error {
  code;
  constructor(code, message) {
    super(message);
    this.name = "CorsproofError";
    this.code = code;
  }
};
var InvalidArgumentError = class extends CorsproofError {
  argument;
  constructor(argument, problem, fix) {
    super("ERR_CORSPROOF_INVALID_ARGUMENT", `Invalid ${argument}: ${problem}. ${fix}`);
    this.name = "InvalidArgumentError";
    this.argument = argument;
  }
};
var TransportError = class extends CorsproofError {
  /** `not-sent`: the request was deliberately not sent (e.g. `corsproof check --preflight-only`). */
  kind;
  constructor(kind, message, options) {
    super("ERR_CORSPROOF_TRANSPORT", message);
    this.name = "TransportError";
    this.kind = kind;
    if (options?.cause !== void 0) this.cause = options.cause;
  }
};
brand(CorsproofError, "CorsproofError");
brand(InvalidArgumentError, "InvalidArgumentError");
brand(TransportError, "TransportError");

// src/transports/deadline.ts
function withDeadline(context, timeoutMs, what, work, options = {}) {
  if (context?.deadline !== void 0 && context.deadline <= performance.now() + timeoutMs) {
    const signal = context.signal;
    if (signal.aborted) return Promise.reject(abortError(signal.reason, what));
    try {
      return work(signal);
    } catch (error) {
      return Promise.reject(error);
    }
  }
  const outer = context?.signal;
  if (outer?.aborted) return Promise.reject(abortError(outer.reason, what));
  const controller = new AbortController();
  let running;
  try {
    running = work(controller.signal);
  } catch (error) {
    running = Promise.reject(error);
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = () => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      outer?.removeEventListener("abort", onAbort);
      return true;
    };
    const fail = (error) => {
      if (!finish()) return;
      controller.abort(error);
      if (options.awaitWorkOnAbort) running.then(() => reject(error), () => reject(error));
      else reject(error);
    };
    const onAbort = () => fail(abortError(outer?.reason, what));
    const timer = setTimeout(
      () => fail(new TransportError("timeout", `${what} did not answer within ${timeoutMs} ms.`)),
      timeoutMs
    );
    outer?.addEventListener("abort", onAbort, { once: true });
    running.then(
      (value) => {
        if (finish()) resolve(value);
      },
      (error) => {
        if (finish()) reject(error);
      }
    );
  });
}
function abortError(reason, what) {
  if (reason instanceof TransportError) return reason;
  const detail = reason instanceof Error ? `${reason.name}: ${reason.message}` : reason === void 0 ? "no reason given" : String(reason);
  return new TransportError("timeout", `${what} was aborted before it answered (${detail}).`, { cause: reason });
}

// src/transports/options.ts
var DEFAULT_BASE_URL = "https://api.example";
var DEFAULT_TIMEOUT_MS = 1e4;
var DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
function resolveOptions(options, where, known = ["timeoutMs", "maxBodyBytes"]) {
  if (options === void 0 || options === null) {
    return { timeoutMs: DEFAULT_TIMEOUT_MS, maxBodyBytes: DEFAULT_MAX_BODY_BYTES };
  }
  if (typeof options !== "object") {
    throw new InvalidArgumentError(
      `${where} options`,
      `expected an object, received ${typeof options}`,
      "Pass an options object such as { timeoutMs: 5000 }, or nothing."
    );
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new InvalidArgumentError(
        `${where} options.${key}`,
        "unknown option",
        `${where} accepts ${known.map((k) => `\`${k}\``).join(", ")}.`
      );
    }
  }
  return {
    timeoutMs: positive(options.timeoutMs, `${where} options.timeoutMs`, DEFAULT_TIMEOUT_MS, false),
    maxBodyBytes: positive(options.maxBodyBytes, `${where} options.maxBodyBytes`, DEFAULT_MAX_BODY_BYTES, true)
  };
}
function positive(value, name, fallback, integer) {
  if (value === void 0) return fallback;
  const ok = typeof value === "number" && value > 0 && (integer ? Number.isSafeInteger(value) : Number.isFinite(value));
  if (!ok) {
    throw new InvalidArgumentError(
      name,
      `expected a positive ${integer ? "integer" : "number"}, received ${describeValue(value)}`,
      `Pass a number greater than 0, or leave it out for the default (${fallback}).`
    );
  }
  return value;
}
function resolveBaseUrl(value, name, fallback = DEFAULT_BASE_URL) {
  if (value === void 0) return fallback;
  const url = parseHttpUrl(value, name, 'Pass an absolute URL such as "https://api.example" or "http://127.0.0.1:3000".');
  return typeof value === "string" ? value : url.href;
}
function parseHttpUrl(value, name, fix) {
  let url;
  if (value instanceof URL) {
    url = value;
  } else if (typeof value === "string") {
    if (!URL.canParse(value)) {
      throw new InvalidArgumentError(name, `"${value}" is not an absolute URL (it needs a scheme and a host)`, fix);
    }
    url = new URL(value);
  } else {
    throw new InvalidArgumentError(name, `expected a URL string, received ${describeValue(value)}`, fix);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidArgumentError(name, `"${url.href}" uses ${url.protocol}, not http: or https:`, fix);
  }
  return url;
}
function describeValue(value) {
  if (value === null) return "null";
  if (value === void 0) return "undefined";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  if (typeof value === "function") {
    const name = value.name ? ` ${value.name}` : "";
    return `a function${name} taking ${value.length} argument${value.length === 1 ? "" : "s"}`;
  }
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (typeof value === "object") {
    const ctor = value.constructor?.name;
    const keys = Object.keys(value).slice(0, 6);
    const kind = ctor && ctor !== "Object" ? `a ${ctor} instance` : "an object";
    return keys.length > 0 ? `${kind} with keys [${keys.join(", ")}]` : kind;
  }
  return `${typeof value} ${String(value)}`;
}

// src/transports/thrown.ts
function handlerError(what, cause, hint = "") {
  if (cause instanceof TransportError && cause.kind === "handler") return cause;
  return new TransportError("handler", `${what}: ${describeThrown(cause)}${hint ? ` ${hint}` : ""}`, { cause });
}
function describeThrown(value) {
  if (value instanceof Error) {
    const code = value.code;
    const name = value.name || "Error";
    const codePart = typeof code === "string" && !value.message.includes(code) ? ` [${code}]` : "";
    return `${name}${codePart}: ${value.message}`;
  }
  return describeValue(value);
}

// src/platform.ts
var resolved;
var resolvedFor;
function serverClasses() {
  const current = globalThis.Request;
  if (resolved && resolvedFor === current) return resolved;
  resolvedFor = current;
  requestClass = void 0;
  const scopes = [globalThis, nodeMainRealm()].filter((scope2) => scope2 !== void 0);
  for (const scope2 of scopes) {
    if (hasFetchClasses(scope2) && keepsForbiddenHeaders(scope2.Request)) {
      resolved = { Request: scope2.Request, Response: scope2.Response, Headers: scope2.Headers, restoresHeaders: false };
      return resolved;
    }
  }
  const scope = scopes.find(hasFetchClasses);
  if (!scope) {
    throw new Error(
      "corsproof needs the Fetch API classes (Request, Response, Headers), and this environment has none. Run on Node 22.12 or later, or in an environment that provides them (for Jest's jsdom, jest-fixed-jsdom)."
    );
  }
  resolved = { Request: scope.Request, Response: scope.Response, Headers: scope.Headers, restoresHeaders: true };
  return resolved;
}
function hasFetchClasses(scope) {
  return typeof scope.Request === "function" && typeof scope.Response === "function" && typeof scope.Headers === "function";
}
function keepsForbiddenHeaders(RequestClass) {
  try {
    return new RequestClass("http://corsproof.invalid/", { headers: [["origin", "http://a.invalid"]] }).headers.get("origin") === "http://a.invalid";
  } catch {
    return false;
  }
}
function nodeMainRealm() {
  const proc = globalThis.process;
  try {
    const vm = proc?.getBuiltinModule?.("node:vm");
    return vm?.runInThisContext("globalThis");
  } catch {
    return void 0;
  }
}
var requestClass;
function makeServerRequest(url, init) {
  const classes = serverClasses();
  requestClass ??= defineServerRequest(classes);
  return new requestClass(url, init);
}
function defineServerRequest({ Request: Base, Headers: HeadersClass, restoresHeaders }) {
  return class ServerRequest extends Base {
    #signal;
    #headers;
    #list;
    constructor(input, init) {
      const platformInit = { method: init.method, headers: init.headers, redirect: init.redirect ?? "manual" };
      if (init.body !== void 0) {
        const hasBody = init.body !== null && init.method !== "GET" && init.method !== "HEAD";
        platformInit.body = hasBody ? init.body : null;
      }
      super(input, platformInit);
      this.#signal = init.signal;
      this.#list = init.headers;
      if (restoresHeaders) {
        const headers = new HeadersClass();
        for (const [name, value] of init.headers) headers.append(name, value);
        this.#headers = headers;
      }
    }
    // The base constructor may read these before this class's fields exist.
    get headers() {
      return (#headers in this ? this.#headers : void 0) ?? super.headers;
    }
    get signal() {
      return (#signal in this ? this.#signal : void 0) ?? super.signal;
    }
    clone() {
      const copy = super.clone();
      return new ServerRequest(copy, { method: copy.method, headers: this.#list, body: void 0, redirect: copy.redirect, signal: this.#signal });
    }
  };
}
function isResponseLike(value) {
  if (value === null || typeof value !== "object") return false;
  const response = value;
  return typeof response.status === "number" && typeof response.statusText === "string" && typeof response.headers === "object" && response.headers !== null && typeof response.headers.forEach === "function" && typeof response.arrayBuffer === "function";
}

// src/transports/body.ts
var BodyCollector = class {
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
  }
  maxBytes;
  chunks = [];
  size = 0;
  truncated = false;
  get length() {
    return this.size;
  }
  /** Keep what fits of `chunk`; false when the limit is reached and reading should stop. */
  add(chunk) {
    const room = this.maxBytes - this.size;
    if (chunk.byteLength > room) {
      if (room > 0) this.chunks.push(chunk.subarray(0, room));
      this.size += Math.max(room, 0);
      this.truncated = true;
      return false;
    }
    this.chunks.push(chunk);
    this.size += chunk.byteLength;
    return true;
  }
  result() {
    const body = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return { body, truncated: this.truncated };
  }
};

// src/transports/wire.ts
var EMPTY = new Uint8Array(0);
function toPlatformRequest(wire2, signal) {
  return makeServerRequest(withoutCredentials(wire2.url), { method: wire2.method, headers: wire2.headers, body: wire2.body, redirect: "manual", signal });
}
function withoutCredentials(href) {
  if (!href.includes("@")) return href;
  const url = new URL(href);
  if (url.username === "" && url.password === "") return href;
  url.username = "";
  url.password = "";
  return url.href;
}
function readHead(response) {
  if (response.type === "error") {
    throw new TransportError("network", "The handler answered with a network error (Response.error()).");
  }
  const headers = [];
  const cookies = typeof response.headers.getSetCookie === "function" ? response.headers.getSetCookie() : null;
  response.headers.forEach((value, name) => {
    if (name === "set-cookie" && cookies) return;
    headers.push([name, value]);
  });
  for (const cookie of cookies ?? []) headers.push(["set-cookie", cookie]);
  return { status: response.status, statusText: response.statusText, headers };
}
async function fromPlatformResponse(response, maxBodyBytes = Number.POSITIVE_INFINITY) {
  const head = readHead(response);
  if (!response.body) return { ...head, body: EMPTY };
  const collector = new BodyCollector(maxBodyBytes);
  const reader = response.body.getReader();
  try {
    for (; ; ) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!collector.add(value)) {
        await reader.cancel().catch(() => void 0);
        break;
      }
    }
  } catch (cause) {
    throw new TransportError(
      "network",
      `The response body failed after ${collector.length} bytes: ${cause instanceof Error ? cause.message : String(cause)}.`,
      { cause }
    );
  }
  const { body, truncated } = collector.result();
  return truncated ? { ...head, body, bodyTruncated: true } : { ...head, body };
}

// src/transports/fetch-handler.ts
function isFetchHandlerObject(value) {
  return typeof value === "object" && value !== null && typeof value.fetch === "function";
}
function fromFetchHandler(handler, options = {}) {
  const opts = typeof options === "string" ? { name: options } : options;
  const settings = resolveOptions(opts, "fromFetchHandler", ["baseUrl", "timeoutMs", "maxBodyBytes", "name"]);
  const baseUrl = resolveBaseUrl(opts?.baseUrl, "fromFetchHandler options.baseUrl");
  let call;
  if (typeof handler === "function") call = handler;
  else if (isFetchHandlerObject(handler)) call = (request) => handler.fetch(request);
  else {
    throw new InvalidArgumentError(
      "target",
      `fromFetchHandler expected a function (request) => Response or an object with a fetch method, received ${describeValue(handler)}`,
      "Pass the handler itself, e.g. fromFetchHandler(app.fetch) or fromFetchHandler(app)."
    );
  }
  const name = opts?.name ?? (typeof handler === "function" ? "fetch-handler" : objectName(handler));
  return {
    name,
    baseUrl,
    send: (wire2, context) => withDeadline(context, settings.timeoutMs, `${wire2.method} ${wire2.url}`, async (signal) => {
      let response;
      try {
        response = await call(toPlatformRequest(wire2, signal));
      } catch (cause) {
        if (cause instanceof TransportError) throw cause;
        throw handlerError("The fetch handler threw", cause, cause instanceof TypeError ? arityHint(handler).trim() : "");
      }
      if (!isResponseLike(response)) {
        throw new TransportError(
          "handler",
          `The fetch handler returned ${describe(response)} instead of a Response. Return a Response (or a Promise of one).${response === void 0 ? arityHint(handler) : ""}`
        );
      }
      return fromPlatformResponse(response, settings.maxBodyBytes);
    })
  };
}
function objectName(handler) {
  const ctor = handler.constructor?.name;
  return ctor === "Hono" ? "hono" : ctor && ctor !== "Object" ? ctor : "fetch-handler";
}
function arityHint(handler) {
  return typeof handler === "function" && handler.length === 0 ? " If this is a Node (req, res) listener, wrap it with fromNodeHandler(listener)." : "";
}
function describe(value) {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value === null) return "null";
  if (value === void 0) return "undefined";
  return typeof value === "object" ? Object.prototype.toString.call(value) : `${typeof value} ${String(value)}`;
}

// bench/apps.ts
import cors from "cors";
import express from "express";
import { Hono } from "hono";
import { cors as honoCors } from "hono/cors";
var PAGE = "https://app.example";
var API_BASE = "https://api.example";
var POLICY = {
  methods: ["GET", "PUT", "PATCH"],
  headers: ["content-type", "x-csrf-token"],
  exposed: ["x-total-count"]
};
function honoApp(counter = { calls: 0 }) {
  const app2 = new Hono();
  app2.use("*", async (_c, next) => {
    counter.calls++;
    await next();
  });
  app2.use("*", honoCors({ origin: [PAGE], credentials: true, allowMethods: POLICY.methods, allowHeaders: POLICY.headers, exposeHeaders: POLICY.exposed }));
  app2.all("/items", (c) => {
    c.header("x-total-count", "3");
    return c.json([1, 2, 3]);
  });
  return app2;
}

// bench/.prof5.ts
var app = honoApp();
var N = Number(process.env.N ?? 2e4);
var t = fromFetchHandler(app);
var wire = { method: "GET", url: `${API_BASE}/items`, headers: [["Accept", "*/*"], ["Origin", PAGE]], body: null };
async function run(label, op) {
  for (let i = 0; i < 3e3; i++) await op();
  const s = performance.now();
  for (let i = 0; i < N; i++) await op();
  console.log(label.padEnd(24), ((performance.now() - s) * 1e3 / N).toFixed(1), "\xB5s");
}
for (let k = 0; k < 2; k++) {
  await run("app.request", async () => {
    const r = await app.request("/items", { headers: { Origin: PAGE } });
    await r.arrayBuffer();
  });
  await run("send, no context", async () => {
    await t.send(wire, void 0);
  });
  await run("send, deadline+signal", async () => {
    const c = new AbortController();
    await t.send(wire, { signal: c.signal, deadline: performance.now() + 1e4 });
  });
  await run("new Request", async () => {
    new Request(wire.url, { headers: wire.headers });
  });
  await run("new Request+signal", async () => {
    const c = new AbortController();
    new Request(wire.url, { headers: wire.headers, signal: c.signal });
  });
  await run("AbortController", async () => {
    const c = new AbortController();
    c.signal.addEventListener("abort", () => {
    }, { once: true });
  });
}
