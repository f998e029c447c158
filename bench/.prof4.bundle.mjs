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
function deadlineExpired(timeoutMs) {
  return new TransportError("timeout", `no response within ${timeoutMs} ms`);
}

// src/spec/http.ts
function isHttpWhitespace(code) {
  return code === 9 || code === 10 || code === 13 || code === 32;
}
function isHttpTabOrSpace(code) {
  return code === 9 || code === 32;
}
function normalizeHeaderValue(value) {
  let start = 0;
  let end = value.length;
  while (start < end && isHttpWhitespace(value.charCodeAt(start))) start++;
  while (end > start && isHttpWhitespace(value.charCodeAt(end - 1))) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}
var TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
function isToken(value) {
  return TOKEN.test(value);
}
var isMethod = isToken;
var isHeaderName = isToken;
function isHeaderValue(value) {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0 || c === 10 || c === 13 || c > 255) return false;
  }
  return true;
}
function isOkStatus(status) {
  return status >= 200 && status <= 299;
}
function isRedirectStatus(status) {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

// src/arguments/origin.ts
var MAX = 256;
var valid = /* @__PURE__ */ new Map();
function parseOrigin(input, argument = "origin") {
  if (typeof input !== "string" || input === "") {
    throw new InvalidArgumentError(argument, `expected an origin string such as 'https://app.example', got ${typeof input === "string" ? "an empty string" : typeof input}`, "Pass the page's origin: scheme, host and optional port.");
  }
  if (input === "null") return "null";
  let origin = valid.get(input);
  if (origin === void 0) {
    origin = parseNewOrigin(input, argument);
    if (valid.size >= MAX) valid.clear();
    valid.set(input, origin);
  }
  return origin;
}
function parseNewOrigin(input, argument) {
  let url;
  try {
    url = new URL(input);
  } catch {
    throw new InvalidArgumentError(argument, `'${input}' is not a URL origin (no scheme?)`, "Pass scheme, host and optional port, e.g. 'https://app.example'.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidArgumentError(argument, `'${input}' has scheme '${url.protocol.slice(0, -1)}'`, "A page origin for CORS is http: or https:, e.g. 'https://app.example'.");
  }
  if (url.username || url.password || url.pathname !== "/" && url.pathname !== "" || url.search || url.hash || /\/[^/]*\/./.test(input.replace(/^[a-z]+:\/\//i, ""))) {
    throw new InvalidArgumentError(argument, `'${input}' is a URL with a path, query, fragment or credentials, not an origin`, `Pass only scheme, host and port: '${url.origin}'.`);
  }
  return url.origin;
}

// src/arguments/request.ts
var MODES = /* @__PURE__ */ new Set(["cors", "no-cors", "same-origin"]);
var CREDENTIALS = /* @__PURE__ */ new Set(["omit", "same-origin", "include"]);
var REDIRECTS = /* @__PURE__ */ new Set(["follow", "manual", "error"]);
var KNOWN_KEYS = /* @__PURE__ */ new Set(["url", "origin", "method", "headers", "body", "mode", "credentials", "redirect"]);
function checkRequest(input, baseUrl) {
  if (input === null || typeof input !== "object") {
    throw new InvalidArgumentError("request", `expected an object, got ${input === null ? "null" : typeof input}`, "Pass { url, origin, method?, headers?, ... }.");
  }
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.has(key)) {
      throw new InvalidArgumentError(`request.${key}`, "unknown option", `Known request options: ${[...KNOWN_KEYS].join(", ")}.`);
    }
  }
  const origin = parseOrigin(input.origin, "request.origin");
  const url = resolveUrl(input.url, baseUrl);
  const mode = pick(input.mode, "cors", MODES, "request.mode");
  const credentials = pick(input.credentials, "same-origin", CREDENTIALS, "request.credentials");
  const redirect = pick(input.redirect, "follow", REDIRECTS, "request.redirect");
  const method = input.method ?? "GET";
  if (typeof method !== "string" || !isMethod(method)) {
    const problem = typeof method === "string" ? `'${method}' is not an HTTP method token` : `expected a string, got ${typeof method}`;
    throw new InvalidArgumentError("request.method", problem, "Pass a method such as 'GET' or 'PUT'.");
  }
  const headers = [];
  for (const [name, rawValue] of headerEntries(input.headers)) {
    const value = normalizeHeaderValue(rawValue);
    if (!isHeaderName(name)) {
      throw new InvalidArgumentError("request.headers", `'${name}' is not a valid header name`, "Header names are HTTP tokens: letters, digits and !#$%&'*+-.^_`|~, no spaces or colons.");
    }
    if (!isHeaderValue(value)) {
      throw new InvalidArgumentError("request.headers", `the value of '${name}' contains a NUL, CR, LF or non-Latin-1 character`, "Remove control characters from header values.");
    }
    headers.push([name, value]);
  }
  const body = input.body;
  if (body !== void 0 && body !== null && !isBodyInit(body)) {
    throw new InvalidArgumentError(
      "request.body",
      `a ${Object.prototype.toString.call(body).slice(8, -1)} is not a fetch body`,
      "Pass a string, Uint8Array, ArrayBuffer, Blob, FormData, URLSearchParams, ReadableStream or null."
    );
  }
  if (body !== void 0 && body !== null) {
    const upper = method.toUpperCase();
    if (upper === "GET" || upper === "HEAD") {
      throw new InvalidArgumentError("request.body", `a ${upper} request cannot have a body`, "Drop the body or use POST/PUT/PATCH.");
    }
  }
  return { url, origin, method, headers, body, mode, credentials, redirect };
}
function isBodyInit(body) {
  return typeof body === "string" || body instanceof ArrayBuffer || ArrayBuffer.isView(body) || body instanceof URLSearchParams || body instanceof Blob || body instanceof FormData || body instanceof ReadableStream;
}
function pick(value, fallback, allowed, argument) {
  if (value === void 0) return fallback;
  if (typeof value === "string" && allowed.has(value)) return value;
  throw new InvalidArgumentError(argument, `'${String(value)}' is not allowed`, `Use one of: ${[...allowed].map((v) => `'${v}'`).join(", ")}.`);
}
function resolveUrl(input, baseUrl) {
  if (!(typeof input === "string" || input instanceof URL)) {
    throw new InvalidArgumentError("request.url", `expected a string or URL, got ${input === null ? "null" : typeof input}`, "Pass an absolute URL ('https://api.example/x') or a path ('/x') on an in-process target.");
  }
  let url;
  try {
    url = new URL(String(input), baseUrl);
  } catch {
    throw new InvalidArgumentError(
      "request.url",
      `'${String(input)}' is not an absolute URL${baseUrl ? ` and does not resolve against '${baseUrl}'` : " and this target has no base URL"}`,
      "Pass a URL with a scheme, e.g. 'https://api.example/items', or a path with a target that has a base URL."
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidArgumentError("request.url", `'${url.href}' uses ${url.protocol}, not http: or https:`, "CORS applies to HTTP(S) URLs; pass an http: or https: URL.");
  }
  return url.href;
}
function* headerEntries(headers) {
  if (headers === void 0 || headers === null) return;
  if (typeof headers !== "object") {
    throw new InvalidArgumentError("request.headers", `expected an object, Headers or [name, value] pairs, got ${typeof headers}`, "Pass e.g. { 'content-type': 'application/json' }.");
  }
  if (Symbol.iterator in headers) {
    for (const pair of headers) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new InvalidArgumentError("request.headers", "each entry must be a [name, value] pair", "Pass e.g. [['x-csrf-token', 'abc']].");
      }
      yield [String(pair[0]), String(pair[1])];
    }
    return;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value === void 0) continue;
    yield [name, String(value)];
  }
}

// src/spec/mime.ts
var TOKEN_CP = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
function parseMimeEssence(input) {
  let s = 0;
  let e = input.length;
  while (s < e && isHttpWhitespace(input.charCodeAt(s))) s++;
  while (e > s && isHttpWhitespace(input.charCodeAt(e - 1))) e--;
  const value = input.slice(s, e);
  const slash = value.indexOf("/");
  if (slash < 0) return null;
  const type = value.slice(0, slash);
  if (type === "" || !TOKEN_CP.test(type)) return null;
  const semi = value.indexOf(";", slash + 1);
  let subtype = value.slice(slash + 1, semi < 0 ? value.length : semi);
  let end = subtype.length;
  while (end > 0 && isHttpWhitespace(subtype.charCodeAt(end - 1))) end--;
  subtype = subtype.slice(0, end);
  if (subtype === "" || !TOKEN_CP.test(subtype)) return null;
  return `${type}/${subtype}`.toLowerCase();
}

// src/spec/methods.ts
var SAFELISTED = /* @__PURE__ */ new Set(["GET", "HEAD", "POST"]);
var FORBIDDEN = /* @__PURE__ */ new Set(["CONNECT", "TRACE", "TRACK"]);
var NORMALIZED = /* @__PURE__ */ new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"]);
function isCorsSafelistedMethod(method) {
  return SAFELISTED.has(method);
}
function isForbiddenMethod(method) {
  return FORBIDDEN.has(method.toUpperCase());
}
function normalizeMethod(method) {
  const upper = method.toUpperCase();
  return NORMALIZED.has(upper) ? upper : method;
}

// src/spec/range.ts
function parseSingleRange(value, allowWhitespace = false) {
  const re = allowWhitespace ? /^bytes[\t ]*=[\t ]*(\d*)[\t ]*-[\t ]*(\d*)[\t ]*$/ : /^bytes=(\d*)-(\d*)$/;
  const m = re.exec(value);
  if (!m) return null;
  const start = m[1] === "" ? null : Number(m[1]);
  const end = m[2] === "" ? null : Number(m[2]);
  if (start === null && end === null) return null;
  if (start !== null && end !== null && start > end) return null;
  return { start, end };
}

// src/spec/header-list.ts
function getHeader(list, name) {
  const lower = name.toLowerCase();
  let out = null;
  for (let i = 0; i < list.length; i++) {
    const header = list[i];
    if (namesMatch(header[0], lower)) out = out === null ? header[1] : `${out}, ${header[1]}`;
  }
  return out;
}
function namesMatch(name, lower) {
  if (name === lower) return true;
  if (name.length !== lower.length) return false;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c > 127) return name.toLowerCase() === lower;
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}
function splitHeaderValue(input) {
  const values = [];
  let position = 0;
  let temporary = "";
  while (true) {
    while (position < input.length && input[position] !== '"' && input[position] !== ",") {
      temporary += input[position++];
    }
    if (position < input.length && input[position] === '"') {
      const start = position;
      position = skipQuotedString(input, position);
      temporary += input.slice(start, position);
      if (position < input.length) continue;
    }
    values.push(trimTabOrSpaceLocal(temporary));
    temporary = "";
    if (position >= input.length) return values;
    position++;
  }
}
function skipQuotedString(input, position) {
  position++;
  while (position < input.length) {
    const c = input[position];
    if (c === "\\") {
      position += 2;
      continue;
    }
    position++;
    if (c === '"') break;
  }
  return Math.min(position, input.length);
}
function trimTabOrSpaceLocal(v) {
  let s = 0;
  let e = v.length;
  while (s < e && isHttpTabOrSpace(v.charCodeAt(s))) s++;
  while (e > s && isHttpTabOrSpace(v.charCodeAt(e - 1))) e--;
  return v.slice(s, e);
}
function extractTokenList(list, name) {
  const raw = getHeader(list, name);
  if (raw === null) return null;
  return parseTokenList(raw);
}
function parseTokenList(raw) {
  const values = [];
  for (const part of raw.split(",")) {
    const item = trimOws(part);
    if (item === "") continue;
    if (!isToken(item)) return { ok: false, invalid: item };
    values.push(item);
  }
  return { ok: true, values };
}
function trimOws(v) {
  let s = 0;
  let e = v.length;
  while (s < e && isHttpWhitespace(v.charCodeAt(s))) s++;
  while (e > s && isHttpWhitespace(v.charCodeAt(e - 1))) e--;
  return v.slice(s, e);
}

// src/spec/request-headers.ts
var FORBIDDEN_NAMES = /* @__PURE__ */ new Set([
  "accept-charset",
  "accept-encoding",
  "access-control-request-headers",
  "access-control-request-method",
  "connection",
  "content-length",
  "cookie",
  "cookie2",
  "date",
  "dnt",
  "expect",
  "host",
  "keep-alive",
  "origin",
  "referer",
  "set-cookie",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "via"
]);
var METHOD_OVERRIDE = /* @__PURE__ */ new Set(["x-http-method", "x-http-method-override", "x-method-override"]);
function isForbiddenRequestHeader(name, value) {
  const lower = name.toLowerCase();
  if (FORBIDDEN_NAMES.has(lower)) return true;
  if (lower.startsWith("proxy-") || lower.startsWith("sec-")) return true;
  if (METHOD_OVERRIDE.has(lower)) return splitHeaderValue(value).some(isForbiddenMethod);
  return false;
}
function isCorsUnsafeRequestHeaderByte(code) {
  if (code < 32) return code !== 9;
  switch (code) {
    case 34:
    case 40:
    case 41:
    case 58:
    case 60:
    case 62:
    case 63:
    case 64:
    case 91:
    case 92:
    case 93:
    case 123:
    case 125:
    case 127:
      return true;
    default:
      return false;
  }
}
function hasUnsafeByte(value) {
  for (let i = 0; i < value.length; i++) if (isCorsUnsafeRequestHeaderByte(value.charCodeAt(i))) return true;
  return false;
}
var LANGUAGE_BYTES = /^[0-9A-Za-z *,\-.;=]*$/;
var SAFELISTED_CONTENT_TYPES = /* @__PURE__ */ new Set(["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"]);
function isCorsSafelistedRequestHeader(name, value) {
  if (value.length > 128) return false;
  switch (name.toLowerCase()) {
    case "accept":
      return !hasUnsafeByte(value);
    case "accept-language":
    case "content-language":
      return LANGUAGE_BYTES.test(value);
    case "content-type": {
      if (hasUnsafeByte(value)) return false;
      const essence = parseMimeEssence(value);
      return essence !== null && SAFELISTED_CONTENT_TYPES.has(essence);
    }
    case "range": {
      const range = parseSingleRange(value, false);
      return range !== null && range.start !== null;
    }
    default:
      return false;
  }
}
function corsUnsafeRequestHeaderNames(headers, hook) {
  const unsafe = [];
  const potentially = [];
  let size = 0;
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    const decided = hook?.(lower, value);
    const safe = decided ?? isCorsSafelistedRequestHeader(lower, value);
    if (!safe) unsafe.push(lower);
    else {
      potentially.push(lower);
      size += value.length;
    }
  }
  if (size > 1024) unsafe.push(...potentially);
  return toSortedLowercaseSet(unsafe);
}
function toSortedLowercaseSet(names) {
  const set = [...new Set(names.map((n) => n.toLowerCase()))];
  return set.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
}
var NO_CORS_SAFELISTED_NAMES = /* @__PURE__ */ new Set(["accept", "accept-language", "content-language", "content-type"]);
function isNoCorsSafelistedRequestHeader(name, value) {
  const lower = name.toLowerCase();
  return NO_CORS_SAFELISTED_NAMES.has(lower) && isCorsSafelistedRequestHeader(lower, value);
}
function isCorsNonWildcardRequestHeaderName(name) {
  return name.toLowerCase() === "authorization";
}
var REQUEST_BODY_HEADER_NAMES = ["content-encoding", "content-language", "content-location", "content-type"];

// src/engines/profile.ts
function standardRedirectMethod(status, method) {
  if ((status === 301 || status === 302) && method === "POST") return "GET";
  if (status === 303 && method !== "GET" && method !== "HEAD") return "GET";
  return null;
}

// src/engines/chromium.ts
var CLIENT_HINTS = /* @__PURE__ */ new Set(["device-memory", "dpr", "width", "viewport-width", "rtt", "downlink", "ect", "save-data"]);
var chromium = {
  name: "chromium",
  label: "Chromium",
  fetchFailureMessage: "Failed to fetch",
  consoleWords: "chromium",
  safelist(lowerName, value) {
    if (CLIENT_HINTS.has(lowerName)) return value.length <= 128;
    return void 0;
  },
  // Chromium still forbids script from setting User-Agent (recorded: dropped, never preflighted).
  extraForbiddenRequestHeaders: /* @__PURE__ */ new Set(["user-agent"]),
  preflightStatusFirst: false,
  redirectKeepsPreflight: false,
  preflightIgnoresTaint: false,
  redirectMethod: (status, method) => standardRedirectMethod(status, method),
  redirectDropsHeaders: REQUEST_BODY_HEADER_NAMES,
  redirectDropsAuthorization: true,
  wildcardCoversAuthorization: true,
  sameOriginPreflightSkipsCorsCheck: false,
  noCorsCrossOriginRedirectNullsOrigin: true,
  sameOriginRedirectKeepsOrigin: false,
  maxAgeCapSeconds: 7200,
  defaultMaxAgeSeconds: 5
};

// src/engines/firefox.ts
var firefox = {
  name: "firefox",
  label: "Firefox",
  fetchFailureMessage: "NetworkError when attempting to fetch resource.",
  consoleWords: "firefox",
  extraForbiddenRequestHeaders: /* @__PURE__ */ new Set(),
  preflightStatusFirst: true,
  redirectKeepsPreflight: true,
  preflightIgnoresTaint: true,
  redirectMethod: (status, method) => standardRedirectMethod(status, method),
  redirectDropsHeaders: REQUEST_BODY_HEADER_NAMES,
  redirectDropsAuthorization: true,
  wildcardCoversAuthorization: true,
  sameOriginPreflightSkipsCorsCheck: true,
  noCorsCrossOriginRedirectNullsOrigin: false,
  sameOriginRedirectKeepsOrigin: false,
  maxAgeCapSeconds: 86400,
  defaultMaxAgeSeconds: 5
};

// src/engines/spec.ts
var spec = {
  name: "spec",
  label: "Fetch Standard",
  fetchFailureMessage: "Failed to fetch",
  consoleWords: "chromium",
  extraForbiddenRequestHeaders: /* @__PURE__ */ new Set(),
  preflightStatusFirst: true,
  redirectKeepsPreflight: false,
  preflightIgnoresTaint: false,
  redirectMethod: (status, method) => standardRedirectMethod(status, method),
  redirectDropsHeaders: REQUEST_BODY_HEADER_NAMES,
  redirectDropsAuthorization: true,
  wildcardCoversAuthorization: false,
  sameOriginPreflightSkipsCorsCheck: false,
  noCorsCrossOriginRedirectNullsOrigin: false,
  sameOriginRedirectKeepsOrigin: false,
  maxAgeCapSeconds: Number.POSITIVE_INFINITY,
  defaultMaxAgeSeconds: 5
};

// src/engines/webkit.ts
function soupRedirectMethod(status, method, crossOrigin) {
  if (method === "GET" || method === "HEAD") return null;
  if (status === 303) return "GET";
  if ((status === 301 || status === 302) && method === "POST") return "GET";
  if (crossOrigin && method === "DELETE") return "GET";
  return null;
}
var webkit = {
  name: "webkit",
  label: "WebKit",
  fetchFailureMessage: "Load failed",
  consoleWords: "chromium",
  extraForbiddenRequestHeaders: /* @__PURE__ */ new Set(),
  preflightStatusFirst: true,
  // Recorded: a DELETE preflighted, then redirected across origins as a GET, is preflighted again.
  redirectKeepsPreflight: true,
  preflightIgnoresTaint: false,
  redirectMethod: soupRedirectMethod,
  redirectDropsHeaders: [],
  redirectDropsAuthorization: false,
  wildcardCoversAuthorization: true,
  sameOriginPreflightSkipsCorsCheck: false,
  noCorsCrossOriginRedirectNullsOrigin: false,
  sameOriginRedirectKeepsOrigin: true,
  maxAgeCapSeconds: 600,
  defaultMaxAgeSeconds: 5
};

// src/engines/index.ts
var ENGINES = { chromium, firefox, webkit, spec };
var BROWSER_ENGINES = ["chromium", "firefox", "webkit"];
function getEngine(name = "chromium", argument = "engine") {
  if (typeof name === "string" && Object.hasOwn(ENGINES, name)) return ENGINES[name];
  const given = typeof name === "string" ? `'${name}'` : `${typeof name} ${String(name)}`;
  throw new InvalidArgumentError(argument, `${given} is not an engine`, "Use 'chromium', 'firefox', 'webkit' or 'spec'.");
}

// src/emulator/preflight-cache.ts
var PreflightCache = class {
  now;
  maxEntries;
  entries = /* @__PURE__ */ new Map();
  constructor(options = {}) {
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? 1e4;
  }
  get size() {
    return this.entries.size;
  }
  clear() {
    this.entries.clear();
  }
  key(parts, kind, item) {
    return `${parts.origin}\0${parts.url}\0${parts.credentials ? 1 : 0}\0${kind}\0${item}`;
  }
  /**
   * https://fetch.spec.whatwg.org/#concept-cache-match-method — there is a method cache entry match for method
   * using request when there is a cache entry in cache for which there is a cache entry match for request and
   * its method is method or `*`. `*` entries are only created for uncredentialed requests.
   */
  matchMethod(parts, method) {
    return this.alive(this.key(parts, "m", method)) || !parts.credentials && this.alive(this.key(parts, "m", "*"));
  }
  /**
   * https://fetch.spec.whatwg.org/#concept-cache-match-header — header names compare byte-case-insensitively;
   * a `*` entry matches any name but `Authorization` (a CORS non-wildcard request-header name), unless the
   * engine lets `*` cover it (`wildcardCoversAuthorization`).
   */
  matchHeader(parts, name, wildcardCoversAuthorization = false) {
    const lower = name.toLowerCase();
    if (this.alive(this.key(parts, "h", lower))) return true;
    return !parts.credentials && (wildcardCoversAuthorization || lower !== "authorization") && this.alive(this.key(parts, "h", "*"));
  }
  /**
   * https://fetch.spec.whatwg.org/#concept-cache-create-entry — create (or update: #concept-cache-match-method
   * "set its max-age") an entry that expires maxAgeSeconds from now.
   */
  add(parts, kind, item, maxAgeSeconds) {
    if (maxAgeSeconds <= 0) return;
    const key = this.key(parts, kind === "method" ? "m" : "h", kind === "header" ? item.toLowerCase() : item);
    this.entries.delete(key);
    this.entries.set(key, { expires: this.now() + maxAgeSeconds * 1e3 });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      this.entries.delete(oldest);
    }
  }
  /** https://fetch.spec.whatwg.org/#concept-cache-clear — on a failed preflight, remove entries for the request. */
  clearFor(parts) {
    const prefix = `${parts.origin}\0${parts.url}\0${parts.credentials ? 1 : 0}\0`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }
  alive(key) {
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (entry.expires > this.now()) return true;
    this.entries.delete(key);
    return false;
  }
};
brand(PreflightCache, "PreflightCache");

// src/transports/deadline.ts
function withDeadline(context, timeoutMs, what, work, options = {}) {
  if (context?.deadline !== void 0 && context.deadline <= performance.now() + timeoutMs) {
    try {
      return work(() => context.signal);
    } catch (error) {
      return Promise.reject(error);
    }
  }
  const outer = context?.signal;
  if (outer?.aborted) return Promise.reject(abortError(outer.reason, what));
  const controller = new AbortController();
  let running;
  try {
    running = work(() => controller.signal);
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
      if (!(#signal in this)) return super.signal;
      if (typeof this.#signal === "function") this.#signal = this.#signal();
      return this.#signal ?? super.signal;
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
var codecs;
function textCodecs() {
  if (codecs) return codecs;
  const scope = [globalThis, nodeMainRealm()].find(
    (s) => typeof s?.TextEncoder === "function" && typeof s?.TextDecoder === "function"
  );
  if (!scope) throw new Error("corsproof needs TextEncoder and TextDecoder, and this environment has neither.");
  codecs = { encoder: new scope.TextEncoder(), decoder: new scope.TextDecoder(), windows1252: new scope.TextDecoder("windows-1252") };
  return codecs;
}
function encodeUtf8(text) {
  return textCodecs().encoder.encode(text);
}
function decodeUtf8(bytes) {
  return textCodecs().decoder.decode(bytes);
}
function decodeWindows1252(bytes) {
  return textCodecs().windows1252.decode(bytes);
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
function toPlatformRequest(wire, signal) {
  return makeServerRequest(withoutCredentials(wire.url), { method: wire.method, headers: wire.headers, body: wire.body, redirect: "manual", signal });
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
    send: (wire, context) => withDeadline(context, settings.timeoutMs, `${wire.method} ${wire.url}`, async (signal) => {
      let response;
      try {
        response = await call(toPlatformRequest(wire, signal));
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

// src/arguments/simulate-options.ts
var OPTION_KEYS = /* @__PURE__ */ new Set(["transport", "engine", "preflightCache", "timeoutMs"]);
var DEFAULT_TIMEOUT_MS2 = 1e4;
var MAX_TIMEOUT_MS = 2 ** 31 - 1;
function checkSimulateOptions(options) {
  if (options === null || typeof options !== "object") {
    throw new InvalidArgumentError("options", `expected an object, got ${options === null ? "null" : typeof options}`, "Pass { transport, engine? }.");
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) throw new InvalidArgumentError(`options.${key}`, "unknown option", `Known options: ${[...OPTION_KEYS].join(", ")}.`);
  }
  const engine = getEngine(options.engine ?? "chromium", "options.engine");
  const transport = checkTransport(options.transport);
  const cache = checkPreflightCache(options.preflightCache, "options.preflightCache");
  return { engine, transport, cache, timeoutMs: checkTimeout(options.timeoutMs, "options.timeoutMs") };
}
function checkPreflightCache(value, argument) {
  if (value === void 0) return new PreflightCache();
  if (!(value instanceof PreflightCache)) {
    throw new InvalidArgumentError(argument, "not a PreflightCache", "Pass new PreflightCache() (from corsproof) to share preflights across calls.");
  }
  return value;
}
function checkEngines(value, argument) {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidArgumentError(argument, `expected a non-empty array of engine names, got ${Array.isArray(value) ? "an empty array" : typeof value}`, "Pass e.g. ['chromium', 'firefox', 'webkit'].");
  }
  const profiles = value.map((name, k) => getEngine(name, `${argument}[${k}]`));
  const seen = /* @__PURE__ */ new Set();
  for (const profile of profiles) {
    if (seen.has(profile.name)) throw new InvalidArgumentError(argument, `'${profile.name}' is listed twice`, "List each engine once.");
    seen.add(profile.name);
  }
  return profiles;
}
function checkTimeout(value, argument) {
  const timeoutMs = value ?? DEFAULT_TIMEOUT_MS2;
  if (typeof timeoutMs !== "number" || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
    const given = typeof timeoutMs === "number" ? String(timeoutMs) : `${typeof timeoutMs} '${String(timeoutMs)}'`;
    throw new InvalidArgumentError(argument, `${given} is not a positive number of milliseconds`, "Pass e.g. 5000.");
  }
  if (timeoutMs > MAX_TIMEOUT_MS) {
    throw new InvalidArgumentError(argument, `${timeoutMs} ms is longer than a timer can hold (${MAX_TIMEOUT_MS} ms, about 24 days)`, "Pass a shorter timeout, e.g. 30000.");
  }
  return timeoutMs;
}
function checkTransport(value) {
  if (typeof value === "function") return fromFetchHandler(value);
  if (value !== null && typeof value === "object" && typeof value.send === "function") return value;
  throw new InvalidArgumentError(
    "options.transport",
    `expected a Transport or a fetch handler function, got ${value === null ? "null" : typeof value}`,
    "Pass toTransport(target) for an app, URL or mocks, or a (request: Request) => Response function."
  );
}

// src/spec/cors-check.ts
function corsCheck(input) {
  const { allowOrigin, origin, credentials } = input;
  const include = credentials === "include";
  if (allowOrigin === null) return { ok: false, failure: "missing-allow-origin", value: null };
  if (allowOrigin === "*") {
    if (!include) return OK;
    return { ok: false, failure: "wildcard-with-credentials", value: allowOrigin };
  }
  if (allowOrigin !== origin) return { ok: false, failure: "origin-mismatch", value: allowOrigin };
  if (!include) return OK;
  if (input.allowCredentials === "true") return OK;
  return { ok: false, failure: "credentials-not-true", value: input.allowCredentials };
}
var OK = { ok: true };

// src/spec/origin.ts
function originOf(url) {
  return typeof url === "string" ? new URL(url).origin : url.origin;
}
function sameOrigin(a, b) {
  return a !== "null" && a === b;
}
function hasRedirectTaintedOrigin(origin, urlOrigins) {
  for (let k = 1; k < urlOrigins.length; k++) {
    const last = urlOrigins[k - 1];
    if (!sameOrigin(urlOrigins[k], last) && !sameOrigin(origin, last)) return true;
  }
  return false;
}
function serializeRequestOrigin(origin, urlOrigins) {
  return hasRedirectTaintedOrigin(origin, urlOrigins) ? "null" : origin;
}

// src/emulator/body.ts
async function extractBody(body) {
  if (body === void 0 || body === null) return { bytes: null, type: null };
  if (typeof body === "string") return { bytes: encodeUtf8(body), type: "text/plain;charset=UTF-8" };
  if (body instanceof Uint8Array) return { bytes: body, type: null };
  if (body instanceof ArrayBuffer) return { bytes: new Uint8Array(body), type: null };
  if (ArrayBuffer.isView(body)) return { bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), type: null };
  if (body instanceof URLSearchParams || body instanceof Blob || body instanceof FormData || body instanceof ReadableStream) {
    const probe = new Request("http://body.invalid/", { method: "POST", body, duplex: "half" });
    const bytes = new Uint8Array(await probe.arrayBuffer());
    return { bytes, type: body instanceof ReadableStream ? null : probe.headers.get("content-type") };
  }
  return { bytes: null, type: null };
}

// src/emulator/classify.ts
function classifyCorsCheck(result, preflight) {
  const value = result.value ?? "";
  let code;
  switch (result.failure) {
    case "missing-allow-origin":
      code = "MissingAllowOriginHeader";
      break;
    case "wildcard-with-credentials":
      code = "WildcardOriginNotAllowed";
      break;
    case "credentials-not-true":
      code = "InvalidAllowCredentials";
      break;
    case "origin-mismatch":
      code = /[ ,]/.test(value) ? "MultipleAllowOriginValues" : isParsableOrigin(value) ? "AllowOriginMismatch" : "InvalidAllowOriginValue";
      break;
  }
  return { code: preflight ? asPreflightCode(code) : code, failedParameter: result.value ?? void 0 };
}
function isParsableOrigin(value) {
  if (value === "null") return true;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
var PREFLIGHT_CODES = {
  WildcardOriginNotAllowed: "PreflightWildcardOriginNotAllowed",
  MissingAllowOriginHeader: "PreflightMissingAllowOriginHeader",
  MultipleAllowOriginValues: "PreflightMultipleAllowOriginValues",
  InvalidAllowOriginValue: "PreflightInvalidAllowOriginValue",
  AllowOriginMismatch: "PreflightAllowOriginMismatch",
  InvalidAllowCredentials: "PreflightInvalidAllowCredentials"
};
function asPreflightCode(code) {
  return PREFLIGHT_CODES[code] ?? code;
}

// src/spec/response-headers.ts
var SAFELISTED2 = /* @__PURE__ */ new Set(["cache-control", "content-language", "content-length", "content-type", "expires", "last-modified", "pragma"]);
function isForbiddenResponseHeaderName(name) {
  const lower = name.toLowerCase();
  return lower === "set-cookie" || lower === "set-cookie2";
}
function isCorsSafelistedResponseHeaderName(name, exposed) {
  const lower = name.toLowerCase();
  if (SAFELISTED2.has(lower)) return true;
  if (isForbiddenResponseHeaderName(lower)) return false;
  return exposed === "all" || exposed.has(lower);
}
function corsExposedHeaderNames(headers, credentials, lenient = false) {
  const parsed = extractTokenList(headers, "access-control-expose-headers");
  if (parsed === null) return /* @__PURE__ */ new Set();
  let values;
  if (parsed.ok) values = parsed.values;
  else if (lenient) values = lenientTokens(headers);
  else return /* @__PURE__ */ new Set();
  if (credentials !== "include" && values.includes("*")) return "all";
  return new Set(values.map((v) => v.toLowerCase()));
}
function lenientTokens(headers) {
  const out = [];
  for (const [n, v] of headers) {
    if (n.toLowerCase() !== "access-control-expose-headers") continue;
    for (const part of v.split(",")) {
      const t2 = part.trim();
      if (t2 && /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(t2)) out.push(t2);
    }
  }
  return out;
}
function filterCorsHeaders(headers, exposed) {
  const out = {};
  for (const [n, v] of headers) {
    const lower = n.toLowerCase();
    if (!isCorsSafelistedResponseHeaderName(lower, exposed)) continue;
    out[lower] = lower in out ? `${out[lower]}, ${v}` : v;
  }
  return out;
}
function filterBasicHeaders(headers) {
  const out = {};
  for (const [n, v] of headers) {
    const lower = n.toLowerCase();
    if (isForbiddenResponseHeaderName(lower)) continue;
    out[lower] = lower in out ? `${out[lower]}, ${v}` : v;
  }
  return out;
}

// src/emulator/filter.ts
var EMPTY2 = new Uint8Array(0);
function filterResponse(response, type, urlList, credentials, _engine) {
  const url = urlList[urlList.length - 1];
  const redirected = urlList.length > 1;
  switch (type) {
    case "basic":
      return make(response.status, response.statusText, "basic", url, redirected, filterBasicHeaders(response.headers), response.body);
    case "cors":
      return make(
        response.status,
        response.statusText,
        "cors",
        url,
        redirected,
        filterCorsHeaders(response.headers, corsExposedHeaderNames(response.headers, credentials)),
        response.body
      );
    case "opaque":
      return make(0, "", "opaque", "", false, {}, EMPTY2);
    case "opaqueredirect":
      return make(0, "", "opaqueredirect", url, redirected, {}, EMPTY2);
  }
}
function make(status, statusText, type, url, redirected, headers, body) {
  return { status, statusText, type, url, redirected, headers, body, text: () => decodeUtf8(body) };
}

// src/emulator/fix.ts
function planFix(input) {
  switch (input.code) {
    case "ForbiddenMethod":
    case "MethodNotAllowedInNoCors":
    case "DisallowedByMode":
      return { fix: null, unfixable: "request" };
    case "NetworkError":
    case "Timeout":
      return networkFix(input);
    case "UnexpectedRedirect":
    case "TooManyRedirects":
      return { fix: [{ kind: "drop-redirect", on: "response", url: input.url }, ...responseHeaders(input, void 0)] };
    case "RedirectContainsCredentials":
      return { fix: [{ kind: "header", on: "response", url: input.url, header: "Location", value: withoutCredentials2(input.location ?? "") }] };
    default:
      if (input.preflight) {
        const onward = input.redirectMode === "error" ? [{ kind: "drop-redirect", on: "response", url: input.url }] : laterHops(input);
        return { fix: [...preflightAnswer(input), ...responseHeaders(input, void 0), ...onward] };
      }
      if (input.redirectMode === "error" && input.response && isRedirectStatus(input.response.status)) {
        return { fix: [...responseHeaders(input, input.response), { kind: "drop-redirect", on: "response", url: input.url }] };
      }
      return { fix: [...responseHeaders(input, input.response), ...input.redirects ? laterHops(input) : []] };
  }
}
function laterHops(input) {
  if (!input.corsChecked) return [];
  const after = input.url;
  const changes = [{ kind: "later-header", on: "response", after, header: "Access-Control-Allow-Origin", value: null }];
  if (input.credentialed) changes.push({ kind: "later-header", on: "response", after, header: "Access-Control-Allow-Credentials", value: "true" });
  if (input.preflightable) {
    changes.push({ kind: "later-status", on: "preflight", after, status: 204 });
    changes.push({ kind: "later-header", on: "preflight", after, header: "Access-Control-Allow-Origin", value: null });
    if (input.credentialed) changes.push({ kind: "later-header", on: "preflight", after, header: "Access-Control-Allow-Credentials", value: "true" });
    if (input.methodNeedsListing) changes.push({ kind: "later-header", on: "preflight", after, header: "Access-Control-Allow-Methods", value: input.method });
    if (input.unsafeNames.length > 0) changes.push({ kind: "later-header", on: "preflight", after, header: "Access-Control-Allow-Headers", value: input.unsafeNames.join(", ") });
  }
  return changes;
}
function networkFix(input) {
  const kind = input.network?.kind;
  if (kind === "invalid-location" || kind === "redirect-scheme") {
    return { fix: [{ kind: "drop-redirect", on: "response", url: input.url }, ...responseHeaders(input, void 0)] };
  }
  if (kind === "no-cors-redirect-mode") return { fix: null, unfixable: "request" };
  if (kind === "not-sent") return { fix: null, unfixable: "not-sent" };
  return { fix: null, unfixable: "no-answer" };
}
function preflightAnswer(input) {
  const { url } = input;
  const headers = input.response?.headers ?? [];
  const changes = [];
  const status = input.response?.status;
  if (status !== void 0 && !isOkStatus(status)) changes.push({ kind: "status", on: "preflight", url, status: 204 });
  const set = (header, value) => {
    if (getHeader(headers, header) !== value) changes.push({ kind: "header", on: "preflight", url, header, value });
  };
  set("Access-Control-Allow-Origin", input.preflightOrigin);
  if (input.credentialed) set("Access-Control-Allow-Credentials", "true");
  const needed = input.methodNeedsListing ? [input.method] : [];
  const methods = covering(getHeader(headers, "access-control-allow-methods"), needed, (have, item) => have === item);
  if (methods !== null) set("Access-Control-Allow-Methods", methods);
  const names = covering(getHeader(headers, "access-control-allow-headers"), input.unsafeNames, (have, item) => have.toLowerCase() === item);
  if (names !== null) set("Access-Control-Allow-Headers", names);
  return changes;
}
function covering(current, needed, same) {
  const parsed = current === null ? { ok: true, values: [] } : parseTokenList(current);
  const values = parsed.ok ? parsed.values : [];
  const missing = needed.filter((item) => !values.some((have) => same(have, item)));
  if (parsed.ok && missing.length === 0) return null;
  const list = [...values, ...missing];
  return list.length > 0 ? list.join(", ") : needed.join(", ");
}
function responseHeaders(input, seen) {
  if (!input.corsChecked) return [];
  const changes = [];
  const set = (header, value) => {
    if (seen === void 0 || getHeader(seen.headers, header) !== value) changes.push({ kind: "header", on: "response", url: input.url, header, value });
  };
  set("Access-Control-Allow-Origin", input.requestOrigin);
  if (input.credentialed) set("Access-Control-Allow-Credentials", "true");
  return changes;
}
function withoutCredentials2(location) {
  try {
    const url = new URL(location);
    url.username = "";
    url.password = "";
    return url.href;
  } catch {
    return location;
  }
}

// src/emulator/deadlines.ts
var Queue = class {
  constructor(timeoutMs) {
    this.timeoutMs = timeoutMs;
  }
  timeoutMs;
  entries = [];
  head = 0;
  timer;
  /** Entries neither done nor expired: when none is left, the timer goes, so it never holds a process open. */
  live = 0;
  add(expire) {
    const queue = this;
    const entry = {
      at: performance.now() + this.timeoutMs,
      done: false,
      expire,
      cancel() {
        if (entry.done) return;
        entry.done = true;
        if (--queue.live === 0) queue.idle();
      }
    };
    if (this.live++ === 0 && this.timer !== void 0) this.timer.ref?.();
    this.entries.push(entry);
    if (this.timer === void 0) this.arm();
    return entry;
  }
  /**
   * No exchange is running. A timer that can stop holding the process open (Node's) stays set but unreferenced:
   * setting and clearing one per exchange costs more than a simple in-process exchange, and one-at-a-time callers
   * (a test awaiting each check) would do exactly that. When it fires it finds nothing to expire. A timer that
   * cannot (a DOM environment's number) is cleared.
   */
  idle() {
    this.entries = [];
    this.head = 0;
    if (this.timer === void 0) return;
    if (typeof this.timer.unref === "function") this.timer.unref();
    else {
      clearTimeout(this.timer);
      this.timer = void 0;
    }
  }
  /** Set the timer for the oldest entry still running; none when every entry is done. */
  arm() {
    while (this.head < this.entries.length && this.entries[this.head].done) this.head++;
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    if (this.head === this.entries.length) {
      this.entries = [];
      this.head = 0;
      this.timer = void 0;
      return;
    }
    const wait = Math.max(0, this.entries[this.head].at - performance.now());
    this.timer = setTimeout(() => this.fire(), Math.ceil(wait));
  }
  fire() {
    const now = performance.now();
    while (this.head < this.entries.length) {
      const entry = this.entries[this.head];
      if (!entry.done && entry.at > now) break;
      this.head++;
      if (!entry.done) {
        entry.done = true;
        this.live--;
        entry.expire();
      }
    }
    this.arm();
  }
};
var queues = /* @__PURE__ */ new Map();
function startDeadline(timeoutMs, expire) {
  let queue = queues.get(timeoutMs);
  if (!queue) {
    if (queues.size > 64) queues.clear();
    queues.set(timeoutMs, queue = new Queue(timeoutMs));
  }
  return queue.add(expire);
}

// src/emulator/network.ts
function sendWithDeadline(transport, wire, timeoutMs) {
  return new Promise((resolve) => {
    let controller;
    let expired;
    let settled = false;
    const deadline = startDeadline(timeoutMs, () => {
      if (settled) return;
      settled = true;
      expired = deadlineExpired(timeoutMs);
      controller?.abort(expired);
      resolve({ ok: false, failure: { kind: "timeout", ms: timeoutMs } });
    });
    const context = {
      get signal() {
        if (controller === void 0) {
          controller = new AbortController();
          if (expired) controller.abort(expired);
        }
        return controller.signal;
      },
      deadline: deadline.at
    };
    let sending;
    try {
      sending = Promise.resolve(transport.send(wire, context));
    } catch (error) {
      sending = Promise.reject(error);
    }
    const finish = (result) => {
      if (settled) return;
      settled = true;
      deadline.cancel();
      resolve(result);
    };
    sending.then((response) => {
      let result;
      try {
        const problem = validateResponse(response);
        result = problem ? { ok: false, failure: problem } : { ok: true, response: normalizeResponse(response) };
      } catch (error) {
        result = { ok: false, failure: { kind: "invalid-response", problem: "unreadable", value: error instanceof Error ? error.message : String(error) } };
      }
      finish(result);
    }, (error) => finish({ ok: false, failure: failureOf(error, timeoutMs) }));
  });
}
function failureOf(error, timeoutMs) {
  if (error instanceof TransportError) {
    if (error.kind === "timeout") return { kind: "timeout", ms: timeoutMs };
    if (error.kind === "handler") return targetFailure(error.cause ?? error, error.message);
    if (error.kind === "not-sent") return { kind: "not-sent", message: error.message };
    return { kind: "transport", error: error.kind, message: error.message };
  }
  return { kind: "transport", error: "network", message: error instanceof Error ? error.message : String(error) };
}
function targetFailure(cause, context) {
  if (cause !== null && typeof cause === "object" && typeof cause.message === "string") {
    const { name, message, stack } = cause;
    return { kind: "target", name: typeof name === "string" ? name : "Error", message, ...typeof stack === "string" ? { stack } : {}, context };
  }
  return { kind: "target", name: typeof cause, message: String(cause), context };
}
function validateResponse(response) {
  if (response === null || typeof response !== "object") return { kind: "invalid-response", problem: "not-a-response", value: String(response) };
  const r = response;
  if (!Number.isInteger(r.status) || r.status < 100 || r.status > 999) return { kind: "invalid-response", problem: "status", value: String(r.status) };
  if (!Array.isArray(r.headers)) return { kind: "invalid-response", problem: "header-list" };
  for (const entry of r.headers) {
    if (!Array.isArray(entry) || typeof entry[0] !== "string" || typeof entry[1] !== "string") return { kind: "invalid-response", problem: "header-list" };
  }
  return null;
}
function normalizeResponse(response) {
  let dirty = false;
  for (const [, v] of response.headers) {
    if (v.length && (isHttpWhitespace(v.charCodeAt(0)) || isHttpWhitespace(v.charCodeAt(v.length - 1)))) {
      dirty = true;
      break;
    }
  }
  const body = response.body instanceof Uint8Array ? response.body : new Uint8Array(0);
  if (!dirty && body === response.body && typeof response.statusText === "string") return response;
  return {
    ...response,
    statusText: typeof response.statusText === "string" ? response.statusText : "",
    headers: dirty ? response.headers.map(([n, v]) => [n, normalizeHeaderValue(v)]) : response.headers,
    body
  };
}

// src/spec/max-age.ts
function preflightMaxAge(raw, capSeconds) {
  let seconds = 5;
  if (raw !== null && /^\d+$/.test(raw.trim())) seconds = Number(raw.trim());
  return Math.min(seconds, capSeconds);
}

// src/emulator/preflight.ts
async function runPreflight(ctx) {
  const headers = [["Accept", "*/*"], ["Access-Control-Request-Method", ctx.method]];
  if (ctx.unsafeNames.length > 0) headers.push(["Access-Control-Request-Headers", ctx.unsafeNames.join(",")]);
  headers.push(["Origin", ctx.origin]);
  const wire = { method: "OPTIONS", url: ctx.url, headers, body: null };
  const exchange = { kind: "preflight", request: wire };
  ctx.exchanges.push(exchange);
  const sent = await sendWithDeadline(ctx.transport, wire, ctx.timeoutMs);
  if (!sent.ok) {
    exchange.error = sent.failure;
    return ctx.fail(sent.failure.kind === "timeout" ? "Timeout" : "NetworkError", { network: sent.failure });
  }
  const response = sent.response;
  exchange.response = response;
  const list = response.headers;
  const skipCheck = ctx.engine.sameOriginPreflightSkipsCorsCheck && sameOrigin(ctx.urlOrigin, ctx.pageOrigin);
  const check = skipCheck ? { ok: true } : corsCheck({
    allowOrigin: getHeader(list, "access-control-allow-origin"),
    allowCredentials: getHeader(list, "access-control-allow-credentials"),
    origin: ctx.origin,
    credentials: ctx.credentials
  });
  const statusOk = isOkStatus(response.status);
  const statusFailure = () => {
    ctx.cache.clearFor(ctx.cacheParts);
    return ctx.fail(isRedirectStatus(response.status) ? "PreflightDisallowedRedirect" : "PreflightInvalidStatus", { response });
  };
  if (!statusOk && (ctx.engine.preflightStatusFirst || isRedirectStatus(response.status))) return statusFailure();
  if (!check.ok) {
    ctx.cache.clearFor(ctx.cacheParts);
    const { code, failedParameter } = classifyCorsCheck(check, true);
    return ctx.fail(code, { failedParameter, response });
  }
  if (!statusOk) return statusFailure();
  const methods = extractTokenList(list, "access-control-allow-methods");
  if (methods && !methods.ok) return ctx.fail("InvalidAllowMethodsPreflightResponse", { failedParameter: methods.invalid, response });
  const headerNames = extractTokenList(list, "access-control-allow-headers");
  if (headerNames && !headerNames.ok) return ctx.fail("InvalidAllowHeadersPreflightResponse", { failedParameter: headerNames.invalid, response });
  const methodList = methods?.values ?? [];
  const nameList = (headerNames?.values ?? []).map((n) => n.toLowerCase());
  const include = ctx.credentials === "include";
  if (!methodList.includes(ctx.method) && !isCorsSafelistedMethod(ctx.method) && (include || !methodList.includes("*"))) {
    return ctx.fail("MethodDisallowedByPreflightResponse", { failedParameter: ctx.method, response });
  }
  const wildcard = !include && nameList.includes("*");
  for (const name of ctx.unsafeNames) {
    if (nameList.includes(name)) continue;
    if (wildcard && (ctx.engine.wildcardCoversAuthorization || !isCorsNonWildcardRequestHeaderName(name))) continue;
    return ctx.fail("HeaderDisallowedByPreflightResponse", { failedParameter: name, response });
  }
  const maxAge = preflightMaxAge(getHeader(list, "access-control-max-age"), ctx.engine.maxAgeCapSeconds);
  for (const method of methodList) ctx.cache.add(ctx.cacheParts, "method", method, maxAge);
  for (const name of nameList) ctx.cache.add(ctx.cacheParts, "header", name, maxAge);
  return null;
}

// src/emulator/request.ts
async function prepareRequest(input, engine, extracted) {
  const { url, origin, mode } = input;
  if (isForbiddenMethod(input.method)) return { ok: false, code: "ForbiddenMethod", failedParameter: input.method.toUpperCase(), url, origin };
  const method = normalizeMethod(input.method);
  if (mode === "no-cors" && !isCorsSafelistedMethod(method)) return { ok: false, code: "MethodNotAllowedInNoCors", failedParameter: method, url, origin };
  const headers = [];
  for (const [name, value] of input.headers) {
    const lower = name.toLowerCase();
    if (isForbiddenRequestHeader(lower, value) || engine.extraForbiddenRequestHeaders.has(lower)) continue;
    if (mode === "no-cors") {
      const existing = headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
      const combined = existing.length ? `${existing.join(", ")}, ${value}` : value;
      if (!isNoCorsSafelistedRequestHeader(lower, combined)) continue;
    }
    headers.push([name, value]);
  }
  const { bytes, type } = extracted ?? await extractBody(input.body);
  if (type !== null && !headers.some(([n]) => n.toLowerCase() === "content-type")) headers.push(["Content-Type", type]);
  return { ok: true, request: { url, origin, method, headers, body: bytes, mode, credentials: input.credentials, redirect: input.redirect } };
}

// src/emulator/shared-exchange.ts
var Point = class {
  next = /* @__PURE__ */ new Map();
};
var SharedSend = class {
  context;
  controller;
  waiting = [];
  gaveUp = 0;
  /** `deadline`: the first engine's (the others started later, so theirs are no earlier). */
  constructor(deadline) {
    const send = this;
    this.context = {
      get signal() {
        return send.signal();
      },
      ...deadline !== void 0 ? { deadline } : {}
    };
  }
  join(context) {
    this.waiting.push(context);
    if (this.controller) this.follow(context);
  }
  signal() {
    if (!this.controller) {
      this.controller = new AbortController();
      for (const context of this.waiting) this.follow(context);
    }
    return this.controller.signal;
  }
  follow(context) {
    const signal = context.signal;
    const onAbort = () => {
      if (++this.gaveUp === this.waiting.length) this.controller.abort(signal.reason);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  }
};
function wireKey(request) {
  let key = `${request.method} ${request.url}`;
  for (const [name, value] of request.headers) key += `
${name}: ${value}`;
  if (request.body !== null) {
    key += `

${decodeWindows1252(request.body)}`;
  }
  return key;
}
var SharedConversation = class {
  constructor(transport) {
    this.transport = transport;
  }
  transport;
  start = new Point();
  participant() {
    const { transport } = this;
    let at = this.start;
    return {
      name: transport.name,
      ...transport.baseUrl !== void 0 ? { baseUrl: transport.baseUrl } : {},
      send: (request, context) => {
        const key = wireKey(request);
        let step = at.next.get(key);
        if (!step) {
          const exchange = new SharedSend(context.deadline);
          let response;
          try {
            response = Promise.resolve(transport.send(request, exchange.context));
          } catch (error) {
            response = Promise.reject(error);
          }
          response.catch(() => void 0);
          step = { response, point: new Point(), exchange };
          at.next.set(key, step);
        }
        step.exchange.join(context);
        at = step.point;
        return step.response;
      }
    };
  }
};

// src/emulator/url-origins.ts
var MAX2 = 256;
var remembered = /* @__PURE__ */ new Map();
function urlOrigin(url) {
  let origin = remembered.get(url);
  if (origin === void 0) {
    origin = originOf(url);
    if (remembered.size >= MAX2) remembered.clear();
    remembered.set(url, origin);
  }
  return origin;
}

// src/emulator/fetch.ts
var MAX_REDIRECTS = 20;
async function emulate(request, options) {
  const { engine, transport, cache, timeoutMs } = options;
  const prepared = await prepareRequest(request, engine, options.body);
  if (!prepared.ok) {
    const { code, failedParameter, url, origin } = prepared;
    const credentialed = request.credentials === "include";
    const reason = {
      code,
      preflight: false,
      url,
      initialUrl: url,
      origin,
      requestOrigin: origin,
      failedParameter,
      credentialed,
      ...planFix({ code, preflight: false, url, method: "", unsafeNames: [], methodNeedsListing: false, preflightOrigin: origin, requestOrigin: origin, credentialed, corsChecked: false })
    };
    return { engine: engine.name, allowed: false, exchanges: [], reason };
  }
  return new FetchRun(prepared.request, engine, transport, cache, timeoutMs).run();
}
var FetchRun = class {
  constructor(request, engine, transport, cache, timeoutMs) {
    this.request = request;
    this.engine = engine;
    this.transport = transport;
    this.cache = cache;
    this.timeoutMs = timeoutMs;
    this.urlList = [request.url];
    this.urlOrigins = [urlOrigin(request.url)];
    this.method = request.method;
    this.headers = request.headers;
    this.body = request.body;
  }
  request;
  engine;
  transport;
  cache;
  timeoutMs;
  urlList;
  /** The origin of each URL in `urlList`. */
  urlOrigins;
  method;
  headers;
  body;
  tainting = "basic";
  redirectCount = 0;
  /** https://fetch.spec.whatwg.org/#use-cors-preflight-flag (never set by fetch(); engines may set it on redirects). */
  useCorsPreflight = false;
  exchanges = [];
  /** The header list `unsafe` was worked out for: a redirect that drops headers makes a new list. */
  unsafeFor = null;
  unsafe = [];
  /** The `Origin` header the previous request on the wire carried (null: none), for engines that keep it. */
  previousOriginHeader = null;
  get currentUrl() {
    return this.urlList[this.urlList.length - 1];
  }
  get currentOrigin() {
    return this.urlOrigins[this.urlOrigins.length - 1];
  }
  /** A blocked verdict: the reason as data, with the fix planned from what this request needs. */
  fail(code, preflight, details = {}) {
    const { request } = this;
    const url = this.currentUrl;
    const requestOrigin = this.serializedOrigin();
    const credentialed = request.credentials === "include";
    const failedAt = this.exchanges.length - 1;
    const reason = {
      code,
      preflight,
      url,
      initialUrl: this.urlList[0],
      origin: request.origin,
      requestOrigin: preflight ? this.preflightOrigin() : requestOrigin,
      ...details.failedParameter !== void 0 ? { failedParameter: details.failedParameter } : {},
      ...details.response ? { status: details.response.status } : {},
      ...failedAt >= 0 ? { exchange: failedAt } : {},
      credentialed,
      ...details.network ? { network: details.network } : {},
      ...planFix({
        code,
        preflight,
        url,
        network: details.network,
        response: details.response,
        method: this.method,
        unsafeNames: this.unsafeNames(),
        methodNeedsListing: this.useCorsPreflight || !isCorsSafelistedMethod(this.method),
        preflightOrigin: this.preflightOrigin(),
        requestOrigin,
        credentialed,
        corsChecked: this.tainting === "cors",
        location: details.location,
        redirectMode: request.redirect,
        redirects: details.response !== void 0 && isRedirectStatus(details.response.status) && request.redirect === "follow" && getHeader(details.response.headers, "location") !== null,
        preflightable: this.useCorsPreflight || !isCorsSafelistedMethod(this.method) || this.unsafeNames().length > 0
      })
    };
    return { engine: this.engine.name, allowed: false, exchanges: this.exchanges, reason };
  }
  async run() {
    const { request } = this;
    for (; ; ) {
      let makePreflight = false;
      if (sameOrigin(this.currentOrigin, request.origin) && this.tainting === "basic") {
      } else if (request.mode === "same-origin") {
        return this.fail("DisallowedByMode", false);
      } else if (request.mode === "no-cors") {
        if (request.redirect !== "follow") return this.fail("NetworkError", false, { network: { kind: "no-cors-redirect-mode", redirect: request.redirect } });
        this.tainting = "opaque";
      } else {
        this.tainting = "cors";
        makePreflight = this.useCorsPreflight || !isCorsSafelistedMethod(this.method) || this.unsafeNames().length > 0;
        if (makePreflight && this.engine.redirectKeepsPreflight) this.useCorsPreflight = true;
      }
      if (makePreflight && this.preflightNeeded()) {
        const failure = await runPreflight(this.preflightContext());
        if (failure) return failure;
      }
      const wire = this.actualWire();
      const sent = await sendWithDeadline(this.transport, wire, this.timeoutMs);
      const exchange = { kind: this.urlList.length === 1 ? "actual" : "redirect", request: wire };
      this.exchanges.push(exchange);
      if (!sent.ok) {
        exchange.error = sent.failure;
        return this.fail(sent.failure.kind === "timeout" ? "Timeout" : "NetworkError", false, { network: sent.failure });
      }
      const response = sent.response;
      exchange.response = response;
      if (this.tainting === "cors") {
        const check = corsCheck({
          allowOrigin: getHeader(response.headers, "access-control-allow-origin"),
          allowCredentials: getHeader(response.headers, "access-control-allow-credentials"),
          origin: this.serializedOrigin(),
          credentials: request.credentials
        });
        if (!check.ok) {
          const { code, failedParameter } = classifyCorsCheck(check, false);
          return this.fail(code, false, { failedParameter, response });
        }
      }
      if (isRedirectStatus(response.status)) {
        if (request.redirect === "error") return this.fail("UnexpectedRedirect", false, { response });
        if (request.redirect === "manual") return this.allowed(response, "opaqueredirect");
        const next = this.redirect(response);
        if (next === "final") return this.allowed(response, this.tainting);
        if (next !== "continue") return next;
        continue;
      }
      return this.allowed(response, this.tainting);
    }
  }
  /** The CORS-unsafe request-header names of the current header list (worked out once per list). */
  unsafeNames() {
    if (this.unsafeFor !== this.headers) {
      this.unsafeFor = this.headers;
      this.unsafe = corsUnsafeRequestHeaderNames(this.headers, this.engine.safelist);
    }
    return this.unsafe;
  }
  serializedOrigin() {
    return serializeRequestOrigin(this.request.origin, this.urlOrigins);
  }
  /** The origin a preflight carries and is checked against. */
  preflightOrigin() {
    return this.engine.preflightIgnoresTaint ? this.request.origin : this.serializedOrigin();
  }
  cacheParts() {
    return { origin: this.preflightOrigin(), url: this.currentUrl, credentials: this.request.credentials === "include" };
  }
  /**
   * HTTP fetch step 4.1: "If makeCORSPreflight is true and one of these conditions is true: there is no method
   * cache entry match for request's method using request, and either request's method is not a CORS-safelisted
   * method or request's use-CORS-preflight flag is set; there is at least one item in the CORS-unsafe
   * request-header names with request's header list for which there is no header-name cache entry match using
   * request."
   */
  preflightNeeded() {
    const parts = this.cacheParts();
    if ((this.useCorsPreflight || !isCorsSafelistedMethod(this.method)) && !this.cache.matchMethod(parts, this.method)) return true;
    return this.unsafeNames().some((name) => !this.cache.matchHeader(parts, name, this.engine.wildcardCoversAuthorization));
  }
  preflightContext() {
    return {
      engine: this.engine,
      transport: this.transport,
      cache: this.cache,
      timeoutMs: this.timeoutMs,
      url: this.currentUrl,
      urlOrigin: this.currentOrigin,
      method: this.method,
      unsafeNames: this.unsafeNames(),
      headerNames: this.headers.map(([n]) => n.toLowerCase()),
      origin: this.preflightOrigin(),
      pageOrigin: this.request.origin,
      credentials: this.request.credentials,
      cacheParts: this.cacheParts(),
      exchanges: this.exchanges,
      fail: (code, details) => this.fail(code, true, details)
    };
  }
  /**
   * The request HTTP-network-or-cache fetch puts on the wire: the author headers, `Accept: *\/*` when absent
   * (fetch step 12 of https://fetch.spec.whatwg.org/#fetching), and `Origin` (#origin-header): appended when
   * the response tainting is "cors", or when the method is neither `GET` nor `HEAD`.
   */
  actualWire() {
    const headers = [...this.headers];
    if (!headers.some(([n]) => n.toLowerCase() === "accept")) headers.push(["Accept", "*/*"]);
    const origin = this.originHeader();
    if (origin !== null) headers.push(["Origin", origin]);
    this.previousOriginHeader = origin;
    return { method: this.method, url: this.currentUrl, headers, body: this.body };
  }
  /**
   * https://fetch.spec.whatwg.org/#append-a-request-origin-header: the serialized request origin when the
   * response tainting is "cors", or when the method is neither `GET` nor `HEAD`; otherwise none. Engines differ
   * after redirects (see the profile): Chromium nulls it in no-cors mode once a redirect crossed origins, WebKit
   * keeps the previous request's header across a same-origin redirect.
   */
  originHeader() {
    if (this.tainting === "cors" || this.method !== "GET" && this.method !== "HEAD") {
      if (this.request.mode === "no-cors" && this.engine.noCorsCrossOriginRedirectNullsOrigin && this.crossedOrigins()) return "null";
      return this.serializedOrigin();
    }
    if (this.engine.sameOriginRedirectKeepsOrigin && this.urlList.length > 1 && this.previousOriginHeader !== null) {
      if (sameOrigin(this.urlOrigins[this.urlOrigins.length - 2], this.currentOrigin)) return this.previousOriginHeader;
    }
    return null;
  }
  /** Whether any redirect so far went to another origin than the URL it came from. */
  crossedOrigins() {
    for (let k = 1; k < this.urlOrigins.length; k++) {
      if (!sameOrigin(this.urlOrigins[k - 1], this.urlOrigins[k])) return true;
    }
    return false;
  }
  /** https://fetch.spec.whatwg.org/#http-redirect-fetch */
  redirect(response) {
    const location = getHeader(response.headers, "location");
    if (location === null) return "final";
    let next;
    try {
      next = new URL(location, this.currentUrl);
    } catch {
      return this.fail("NetworkError", false, { response, network: { kind: "invalid-location", location } });
    }
    if (next.hash === "" && new URL(this.currentUrl).hash) next.hash = new URL(this.currentUrl).hash;
    if (next.protocol !== "http:" && next.protocol !== "https:") {
      return this.fail("NetworkError", false, { response, network: { kind: "redirect-scheme", location: next.href } });
    }
    if (this.redirectCount === MAX_REDIRECTS) return this.fail("TooManyRedirects", false, { response });
    this.redirectCount++;
    const credentialed = next.username !== "" || next.password !== "";
    if (credentialed && (this.request.mode === "cors" && !sameOrigin(this.request.origin, next.origin) || this.tainting === "cors")) {
      return this.fail("RedirectContainsCredentials", false, { failedParameter: next.href, response, location: next.href });
    }
    const crossOrigin = !sameOrigin(this.currentOrigin, next.origin);
    const rewritten = this.engine.redirectMethod(response.status, this.method, crossOrigin);
    if (rewritten !== null) {
      this.method = rewritten;
      this.body = null;
      const dropped = this.engine.redirectDropsHeaders;
      this.headers = this.headers.filter(([n]) => !dropped.includes(n.toLowerCase()));
    }
    if (crossOrigin && this.engine.redirectDropsAuthorization) {
      this.headers = this.headers.filter(([n]) => n.toLowerCase() !== "authorization");
    }
    this.urlList.push(next.href);
    this.urlOrigins.push(next.origin);
    return "continue";
  }
  allowed(response, type) {
    return {
      engine: this.engine.name,
      allowed: true,
      response: filterResponse(response, type, this.urlList, this.request.credentials, this.engine),
      exchanges: this.exchanges
    };
  }
};
async function emulateEngines(request, options) {
  const { engines, transport, caches, timeoutMs } = options;
  const body = await extractBody(request.body);
  if (engines.length === 1) return [await emulate(request, { engine: engines[0], transport, cache: caches[0], timeoutMs, body })];
  const conversation = new SharedConversation(transport);
  return Promise.all(engines.map((engine, k) => emulate(request, { engine, transport: conversation.participant(), cache: caches[k], timeoutMs, body })));
}

// src/simulate.ts
async function simulate(request, options) {
  const checked = checkSimulateOptions(options);
  return emulate(checkRequest(request, checked.transport.baseUrl), checked);
}
async function simulateEngines(request, options) {
  if (options === null || typeof options !== "object") return simulate(request, options).then((v) => [v]);
  const { engines = BROWSER_ENGINES, preflightCaches, ...rest } = options;
  const profiles = checkEngines(engines, "options.engines");
  const caches = profiles.map((engine) => checkPreflightCache(preflightCaches?.[engine.name], `options.preflightCaches.${engine.name}`));
  const checked = checkSimulateOptions(rest);
  return emulateEngines(checkRequest(request, checked.transport.baseUrl), { engines: profiles, transport: checked.transport, caches, timeoutMs: checked.timeoutMs });
}

// bench/apps.ts
import cors from "cors";
import express from "express";
import { Hono } from "hono";
import { cors as honoCors } from "hono/cors";
var PAGE = "https://app.example";
var API_BASE = "https://api.example";

// bench/.prof4.ts
var N = Number(process.env.N ?? 2e4);
var resp = { status: 200, statusText: "OK", headers: [["content-type", "application/json"], ["access-control-allow-origin", PAGE], ["vary", "Origin"]], body: new Uint8Array(7) };
var t = { name: "const", send: async () => resp };
var req = { url: `${API_BASE}/items`, origin: PAGE };
async function run(label, op) {
  for (let i = 0; i < 3e3; i++) await op();
  const s = performance.now();
  for (let i = 0; i < N; i++) await op();
  console.log(label.padEnd(20), ((performance.now() - s) * 1e3 / N).toFixed(2), "\xB5s");
}
for (let k = 0; k < 3; k++) {
  await run("simulate 1", async () => {
    await simulate(req, { transport: t });
  });
  await run("simulateEngines 3", async () => {
    await simulateEngines(req, { transport: t });
  });
}
