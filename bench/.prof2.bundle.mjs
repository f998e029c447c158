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
  constructor(code, message2) {
    super(message2);
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
  constructor(kind, message2, options) {
    super("ERR_CORSPROOF_TRANSPORT", message2);
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

// src/spec/header-list.ts
function getHeader(list2, name) {
  const lower = name.toLowerCase();
  let out = null;
  for (let i = 0; i < list2.length; i++) {
    const header = list2[i];
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
function extractTokenList(list2, name) {
  const raw = getHeader(list2, name);
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
      return { fix: [{ kind: "header", on: "response", url: input.url, header: "Location", value: withoutCredentials(input.location ?? "") }] };
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
  const list2 = [...values, ...missing];
  return list2.length > 0 ? list2.join(", ") : needed.join(", ");
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
function withoutCredentials(location) {
  try {
    const url = new URL(location);
    url.username = "";
    url.password = "";
    return url.href;
  } catch {
    return location;
  }
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

// src/spec/response-headers.ts
var SAFELISTED = /* @__PURE__ */ new Set(["cache-control", "content-language", "content-length", "content-type", "expires", "last-modified", "pragma"]);
function isForbiddenResponseHeaderName(name) {
  const lower = name.toLowerCase();
  return lower === "set-cookie" || lower === "set-cookie2";
}
function isCorsSafelistedResponseHeaderName(name, exposed) {
  const lower = name.toLowerCase();
  if (SAFELISTED.has(lower)) return true;
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

// src/matchers/check-response.ts
var UNKNOWN_URL = "(the response)";
function checkResponse(response, origin, credentials, _engine) {
  const check = corsCheck({
    allowOrigin: getHeader(response.headers, "access-control-allow-origin"),
    allowCredentials: getHeader(response.headers, "access-control-allow-credentials"),
    origin,
    credentials
  });
  if (check.ok) return check;
  const { code, failedParameter } = classifyCorsCheck(check, false);
  const url = response.url ?? UNKNOWN_URL;
  const credentialed = credentials === "include";
  const reason = {
    code,
    preflight: false,
    url,
    initialUrl: url,
    origin,
    requestOrigin: origin,
    ...failedParameter !== void 0 ? { failedParameter } : {},
    status: response.status,
    credentialed,
    ...planFix({
      code,
      preflight: false,
      url,
      response: { status: response.status ?? 200, statusText: "", headers: response.headers.map(([n, v]) => [n, v]), body: new Uint8Array(0) },
      method: "GET",
      unsafeNames: [],
      methodNeedsListing: false,
      preflightOrigin: origin,
      requestOrigin: origin,
      credentialed,
      corsChecked: true
    })
  };
  return { ok: false, reason };
}
function headerReadability(headers, name, credentials) {
  const lower = name.toLowerCase();
  if (isForbiddenResponseHeaderName(lower)) return { readable: false, why: "forbidden" };
  if (getHeader(headers, lower) === null) return { readable: false, why: "absent" };
  const exposed = corsExposedHeaderNames(headers, credentials);
  if (isCorsSafelistedResponseHeaderName(lower, /* @__PURE__ */ new Set())) return { readable: true, why: "safelisted" };
  if (exposed === "all") return { readable: true, why: "wildcard" };
  if (exposed.has(lower)) return { readable: true, why: "exposed" };
  if (credentials === "include" && exposed.has("*")) return { readable: false, why: "wildcard-with-credentials" };
  return { readable: false, why: "not-exposed" };
}
function describeReadability(name, r) {
  switch (r.why) {
    case "safelisted":
      return `${name} is a CORS-safelisted response header: script can always read it.`;
    case "same-origin":
      return "The response is same-origin: script reads every header but Set-Cookie.";
    case "exposed":
      return `${name} is listed in Access-Control-Expose-Headers.`;
    case "wildcard":
      return `Access-Control-Expose-Headers: * exposes every header to a request without credentials.`;
    case "absent":
      return `The response has no ${name} header.`;
    case "forbidden":
      return `${name} is a forbidden response header: browsers never let script read it.`;
    case "not-exposed":
      return `${name} is sent but not listed in Access-Control-Expose-Headers.`;
    case "wildcard-with-credentials":
      return `Access-Control-Expose-Headers: * does not apply to a request with credentials.`;
  }
}

// src/matchers/explain.ts
function whyAllowed(verdict, credentials = "same-origin") {
  switch (verdict.response?.type) {
    case "basic":
      return ["Same-origin request: the page and the URL share an origin, so CORS does not apply."];
    case "opaque":
      return ["Mode 'no-cors': fetch resolves with an opaque response (status 0, no headers, no body for script)."];
    case "opaqueredirect":
      return ["Redirect mode 'manual': fetch resolves with an opaque-redirect response."];
    default:
      break;
  }
  const lines = [];
  const preflight = verdict.exchanges.find((e) => e.kind === "preflight" && e.response);
  if (preflight?.response) lines.push(`The preflight passed: ${corsHeaderSummary(preflight.response.headers)}.`);
  else lines.push("No preflight was needed: a simple request (GET, HEAD or POST with CORS-safelisted headers only).");
  const last = [...verdict.exchanges].reverse().find((e) => e.kind !== "preflight" && e.response);
  if (last?.response) lines.push(whyOriginPasses(last.response.headers, credentials));
  return lines;
}
function whyOriginPasses(headers, credentials) {
  const allowOrigin = getHeader(headers, "access-control-allow-origin");
  if (allowOrigin === "*") return "The response's Access-Control-Allow-Origin: * lets any origin read it.";
  const withCredentials2 = credentials === "include" ? " and Access-Control-Allow-Credentials: true admits credentials" : "";
  return `The response's Access-Control-Allow-Origin: ${allowOrigin ?? "(none)"} names this origin${withCredentials2}.`;
}
function corsHeaderSummary(headers) {
  const names = ["Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers"];
  const parts = names.flatMap((name) => {
    const value = getHeader(headers, name);
    return value === null ? [] : [`${name}: ${value}`];
  });
  return parts.length ? parts.join(", ") : "no Access-Control-Allow-* headers";
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
var SAFELISTED2 = /* @__PURE__ */ new Set(["GET", "HEAD", "POST"]);
var FORBIDDEN = /* @__PURE__ */ new Set(["CONNECT", "TRACE", "TRACK"]);
var NORMALIZED = /* @__PURE__ */ new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"]);
function isCorsSafelistedMethod(method) {
  return SAFELISTED2.has(method);
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
  const m2 = re.exec(value);
  if (!m2) return null;
  const start = m2[1] === "" ? null : Number(m2[1]);
  const end = m2[2] === "" ? null : Number(m2[2]);
  if (start === null && end === null) return null;
  if (start !== null && end !== null && start > end) return null;
  return { start, end };
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

// src/report/chromium-messages.ts
var PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: ";
var VALID_VALUE = " Have the server send the header with a valid value.";
function chromiumDetail(code, hint) {
  switch (code) {
    case "DisallowedByMode":
      return "Cross origin requests are not allowed by request mode.";
    case "WildcardOriginNotAllowed":
    case "PreflightWildcardOriginNotAllowed":
      return prefix(code) + "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.";
    case "MissingAllowOriginHeader":
    case "PreflightMissingAllowOriginHeader":
      return prefix(code) + "No 'Access-Control-Allow-Origin' header is present on the requested resource.";
    case "MultipleAllowOriginValues":
    case "PreflightMultipleAllowOriginValues":
      return prefix(code) + `The 'Access-Control-Allow-Origin' header contains multiple values '${hint}', but only one is allowed.${VALID_VALUE}`;
    case "InvalidAllowOriginValue":
    case "PreflightInvalidAllowOriginValue":
      return prefix(code) + `The 'Access-Control-Allow-Origin' header contains the invalid value '${hint}'.${VALID_VALUE}`;
    case "AllowOriginMismatch":
    case "PreflightAllowOriginMismatch":
      return prefix(code) + `The 'Access-Control-Allow-Origin' header has a value '${hint}' that is not equal to the supplied origin.${VALID_VALUE}`;
    case "InvalidAllowCredentials":
    case "PreflightInvalidAllowCredentials":
      return prefix(code) + `The value of the 'Access-Control-Allow-Credentials' header in the response is '${hint}' which must be 'true' when the request's credentials mode is 'include'.`;
    case "PreflightInvalidStatus":
      return PREFLIGHT_PREFIX + "It does not have HTTP ok status.";
    case "PreflightDisallowedRedirect":
      return PREFLIGHT_PREFIX + "Redirect is not allowed for a preflight request.";
    case "InvalidAllowMethodsPreflightResponse":
      return "Cannot parse Access-Control-Allow-Methods response header field in preflight response.";
    case "InvalidAllowHeadersPreflightResponse":
      return "Cannot parse Access-Control-Allow-Headers response header field in preflight response.";
    case "MethodDisallowedByPreflightResponse":
      return `Method ${hint} is not allowed by Access-Control-Allow-Methods in preflight response.`;
    case "HeaderDisallowedByPreflightResponse":
      return `Request header field ${hint} is not allowed by Access-Control-Allow-Headers in preflight response.`;
    case "RedirectContainsCredentials":
      return `Redirect location '${hint}' contains a username and password, which is disallowed for cross-origin requests.`;
    default:
      return null;
  }
}
function prefix(code) {
  return code.startsWith("Preflight") ? PREFLIGHT_PREFIX : "";
}
function chromiumLead(kind = "fetch") {
  return `Access to ${kind} at`;
}
function chromiumMessage(code, hint, url, initialUrl, origin) {
  const detail = chromiumDetail(code, hint);
  if (detail === null) return "";
  const redirected = initialUrl !== url ? `(redirected from '${initialUrl}') ` : "";
  return `${chromiumLead()} '${url}' ${redirected}from origin '${origin}' has been blocked by CORS policy: ${detail}`;
}

// src/report/firefox-messages.ts
var LEAD = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at";
var TABLE = {
  MissingAllowOriginHeader: { code: "CORSMissingAllowOrigin", reason: () => "CORS header \u2018Access-Control-Allow-Origin\u2019 missing", status: true },
  MultipleAllowOriginValues: { code: "CORSMultipleAllowOriginNotAllowed", reason: () => "Multiple CORS header \u2018Access-Control-Allow-Origin\u2019 not allowed" },
  InvalidAllowOriginValue: { code: "CORSAllowOriginNotMatchingOrigin", reason: (_h, o) => `CORS header \u2018Access-Control-Allow-Origin\u2019 does not match \u2018${o}\u2019` },
  AllowOriginMismatch: { code: "CORSAllowOriginNotMatchingOrigin", reason: (_h, o) => `CORS header \u2018Access-Control-Allow-Origin\u2019 does not match \u2018${o}\u2019` },
  WildcardOriginNotAllowed: { code: "CORSNotSupportingCredentials", reason: () => "Credential is not supported if the CORS header \u2018Access-Control-Allow-Origin\u2019 is \u2018*\u2019" },
  InvalidAllowCredentials: { code: "CORSMissingAllowCredentials", reason: () => "expected \u2018true\u2019 in CORS header \u2018Access-Control-Allow-Credentials\u2019" },
  PreflightInvalidStatus: { code: "CORSPreflightDidNotSucceed", reason: () => "CORS preflight response did not succeed", status: true },
  PreflightDisallowedRedirect: { code: "CORSExternalRedirectNotAllowed", reason: () => "CORS request external redirect not allowed" },
  InvalidAllowMethodsPreflightResponse: { code: "CORSInvalidAllowMethod", reason: (h) => `invalid token \u2018${h}\u2019 in CORS header \u2018Access-Control-Allow-Methods\u2019` },
  InvalidAllowHeadersPreflightResponse: { code: "CORSInvalidAllowHeader", reason: (h) => `invalid token \u2018${h}\u2019 in CORS header \u2018Access-Control-Allow-Headers\u2019` },
  MethodDisallowedByPreflightResponse: { code: "CORSMethodNotFound", reason: () => "Did not find method in CORS header \u2018Access-Control-Allow-Methods\u2019" },
  HeaderDisallowedByPreflightResponse: { code: "CORSMissingAllowHeaderFromPreflight", reason: (h) => `header \u2018${h}\u2019 is not allowed according to header \u2018Access-Control-Allow-Headers\u2019 from CORS preflight response` },
  RedirectContainsCredentials: { code: "CORSExternalRedirectNotAllowed", reason: () => "CORS request external redirect not allowed" },
  NetworkError: { code: "CORSDidNotSucceed", reason: () => "CORS request did not succeed", status: true },
  Timeout: { code: "CORSDidNotSucceed", reason: () => "CORS request did not succeed", status: true }
};
function firefoxReason(code, hint, url, origin, status) {
  const base = code.startsWith("Preflight") && !(code in TABLE) ? code.replace(/^Preflight/, "") : code;
  const entry = TABLE[base];
  if (!entry) return { code: "", message: `TypeError: NetworkError when attempting to fetch resource.` };
  const statusPart = entry.status ? ` Status code: ${status ?? "(null)"}.` : "";
  return { code: entry.code, message: `${LEAD} ${url}. (Reason: ${entry.reason(hint, origin)}).${statusPart}` };
}

// src/report/fix.ts
function fixHint(code, hint, origin, credentialed = false) {
  const o = origin || "the page origin";
  switch (code) {
    case "MissingAllowOriginHeader":
      return `Send 'Access-Control-Allow-Origin: ${o}' (or '*' for public, uncredentialed data) on this response, error responses included.`;
    case "PreflightMissingAllowOriginHeader":
      return `Answer the OPTIONS preflight with 'Access-Control-Allow-Origin: ${o}' (with credentials: the exact origin, never '*').`;
    case "WildcardOriginNotAllowed":
    case "PreflightWildcardOriginNotAllowed":
      return `With credentials, echo the exact origin: 'Access-Control-Allow-Origin: ${o}' plus 'Access-Control-Allow-Credentials: true' and 'Vary: Origin', not '*'.`;
    case "MultipleAllowOriginValues":
    case "PreflightMultipleAllowOriginValues":
      return `Send exactly one origin in one 'Access-Control-Allow-Origin' header ('${o}'); pick it from your allow-list per request instead of listing them all (often two layers, e.g. proxy and app, both add it).`;
    case "InvalidAllowOriginValue":
    case "PreflightInvalidAllowOriginValue":
      return `'Access-Control-Allow-Origin' must be '*', 'null' or one serialized origin such as '${o}'; '${hint}' is none of these.`;
    case "AllowOriginMismatch":
    case "PreflightAllowOriginMismatch":
      return hint === "null" || o === "null" ? `The request's origin is '${o}'; send 'Access-Control-Allow-Origin: ${o}' exactly (a redirect across origins makes the origin 'null').` : `Send 'Access-Control-Allow-Origin: ${o}' exactly (scheme, host and port, no path or trailing slash, same case); it now says '${hint}'.`;
    case "InvalidAllowCredentials":
    case "PreflightInvalidAllowCredentials":
      return `Send 'Access-Control-Allow-Credentials: true' (exactly 'true', lower-case, once) on the ${code.startsWith("Preflight") ? "preflight" : ""}${code.startsWith("Preflight") ? " " : ""}response, or have the client drop credentials: 'include'.`;
    case "PreflightInvalidStatus":
      return `Answer the OPTIONS preflight with a 2xx status (204 is usual) before any auth or routing that returns ${hint || "an error"}.`;
    case "PreflightDisallowedRedirect":
      return "Answer the OPTIONS preflight directly with 2xx; browsers never follow redirects for a preflight (serve the final URL, or redirect only non-preflighted requests).";
    case "InvalidAllowMethodsPreflightResponse":
      return `Make 'Access-Control-Allow-Methods' a comma-separated list of method tokens, e.g. 'GET, POST, PUT' (invalid item: '${hint}').`;
    case "InvalidAllowHeadersPreflightResponse":
      return `Make 'Access-Control-Allow-Headers' a comma-separated list of header names, e.g. 'content-type, x-csrf-token' (invalid item: '${hint}').`;
    case "MethodDisallowedByPreflightResponse":
      return `Add ${hint} to 'Access-Control-Allow-Methods' on the preflight response (methods match case-sensitively${credentialed ? "; with credentials '*' is not a wildcard" : ""}).`;
    case "HeaderDisallowedByPreflightResponse":
      return hint === "authorization" ? `List 'authorization' explicitly in 'Access-Control-Allow-Headers'; ${credentialed ? "with credentials '*' covers nothing, and " : ""}the Fetch Standard never lets '*' cover Authorization.` : `Add '${hint}' to 'Access-Control-Allow-Headers' on the preflight response${credentialed ? " ('*' is not a wildcard with credentials)" : ""}.`;
    case "RedirectContainsCredentials":
      return `Redirect to a URL without user:password (it was '${hint}').`;
    case "UnexpectedRedirect":
      return "The request was made with redirect: 'error' and the server answered with a redirect: serve the resource at the requested URL, or let the client follow redirects.";
    case "TooManyRedirects":
      return "The server redirects in a loop (or more than 20 times): fix the redirect chain so it ends in a response.";
    case "ForbiddenMethod":
      return `Browsers never send ${hint}; use another method.`;
    case "MethodNotAllowedInNoCors":
      return `A 'no-cors' request can only use GET, HEAD or POST; use mode 'cors' and allow ${hint} on the server.`;
    case "DisallowedByMode":
      return "The request uses mode 'same-origin' but goes to another origin: use mode 'cors' (and CORS headers on the server) or call a same-origin URL.";
    case "Timeout":
      return "The server did not answer in time: check that it is up and that OPTIONS requests are not left hanging.";
    case "NetworkError":
      return `The server could not be reached or answered something that is not HTTP (${hint || "connection failed"}).`;
  }
}

// src/report/network.ts
function networkFailureText(failure) {
  if (!failure) return "the transport failed";
  switch (failure.kind) {
    case "timeout":
      return `no response within ${failure.ms} ms`;
    case "transport":
      return failure.message;
    case "target":
      return failure.context;
    case "invalid-response":
      switch (failure.problem) {
        case "not-a-response":
          return `the transport returned ${failure.value} instead of a response`;
        case "status":
          return `invalid HTTP status ${failure.value}`;
        case "header-list":
          return "the response header list is missing or holds a malformed entry";
        case "unreadable":
          return failure.value ?? "the response could not be read";
      }
      break;
    case "invalid-location":
      return `invalid Location '${failure.location}'`;
    case "redirect-scheme":
      return `redirect to a ${safeProtocol(failure.location)} URL`;
    case "no-cors-redirect-mode":
      return `redirect mode '${failure.redirect}' is not allowed with mode 'no-cors'`;
    case "not-sent":
      return failure.message;
  }
}
function isTargetFailure(failure) {
  return failure?.kind === "target";
}
function targetFailureText(failure) {
  return `The target itself threw ${failure.name}: ${failure.message}. This error comes from your app or test set-up, not from CORS; a page would see a network error.`;
}
function safeProtocol(location) {
  try {
    return new URL(location).protocol;
  } catch {
    return "non-HTTP";
  }
}

// src/report/describe.ts
function consoleLine(verdict, engine = verdict.engine) {
  const reason = verdict.reason;
  if (verdict.allowed || !reason) return null;
  return reasonConsoleLine(reason, engine);
}
function reasonConsoleLine(reason, engine) {
  const parameter = reason.failedParameter ?? "";
  const words = getEngine(engine).consoleWords;
  const label = words === engine ? getEngine(words).label : `as ${getEngine(words).label} words it`;
  switch (words) {
    case "firefox": {
      const firefox2 = firefoxReason(reason.code, parameter, reason.url, reason.origin, reason.status);
      return { engine, message: firefox2.message, ...firefox2.code ? { code: firefox2.code } : {}, wordsOf: words, label };
    }
    case "chromium":
      return { engine, message: chromiumMessage(reason.code, parameter, reason.url, reason.initialUrl, reason.origin), wordsOf: words, label };
  }
}
function fixSentence(verdict) {
  return verdict.allowed || !verdict.reason ? "" : reasonFixSentence(verdict.reason);
}
function reasonFixSentence(reason) {
  if (isTargetFailure(reason.network)) return targetFailureText(reason.network);
  return fixHint(reason.code, hintOf(reason), reason.origin, reason.credentialed);
}
function hintOf(reason) {
  switch (reason.code) {
    case "NetworkError":
    case "Timeout":
      return reason.network ? networkFailureText(reason.network) : "";
    case "PreflightInvalidStatus":
      return reason.status === void 0 ? "" : String(reason.status);
    default:
      return reason.failedParameter ?? "";
  }
}

// src/report/format.ts
var REQUEST_HEADERS = /* @__PURE__ */ new Set(["origin", "access-control-request-method", "access-control-request-headers"]);
function isShownResponseHeader(lower, status) {
  return lower.startsWith("access-control-allow-") || lower === "access-control-expose-headers" || lower === "access-control-max-age" || lower === "vary" || lower === "location" && status >= 300 && status < 400;
}
var INDENT = "  ";
function formatBlock(block) {
  const lines = [block.title];
  for (const note of block.notes ?? []) lines.push(INDENT + note);
  for (const line of block.consoles ?? []) {
    if (line.message) lines.push(`${INDENT}Console (${line.label}): ${line.message}${line.code ? ` [${line.code}]` : ""}`);
  }
  for (const exchange2 of block.exchanges ?? []) lines.push(...formatExchange(exchange2).map((l) => INDENT + l));
  if (block.response) {
    lines.push(INDENT + block.response.label);
    lines.push(...formatResponse(block.response.status, block.response.statusText, block.response.headers).map((l) => INDENT + INDENT + l));
  }
  if (block.change) lines.push(`${INDENT}${block.change.label}: ${block.change.text}`);
  if (block.also) lines.push(`${INDENT}${block.also.label}: ${block.also.text}`);
  return lines.join("\n");
}
function formatExchange(exchange2) {
  const { request } = exchange2;
  const kind = exchange2.kind === "actual" ? "" : ` (${exchange2.kind})`;
  const lines = [`${request.method} ${request.url}${kind}`];
  for (const [name, value] of request.headers) {
    if (REQUEST_HEADERS.has(name.toLowerCase())) lines.push(`${INDENT}> ${name}: ${value}`);
  }
  if (exchange2.response) lines.push(...formatResponse(exchange2.response.status, exchange2.response.statusText, exchange2.response.headers).map((l) => INDENT + l));
  else lines.push(`${INDENT}x no response: ${networkFailureText(exchange2.error)}`);
  return lines;
}
function formatResponse(status, statusText, headers) {
  const lines = [];
  if (status !== void 0) lines.push(`< ${status}${statusText ? ` ${statusText}` : ""}`);
  let shown = 0;
  for (const [name, value] of headers) {
    if (!isShownResponseHeader(name.toLowerCase(), status ?? 0)) continue;
    lines.push(`< ${name}: ${value}`);
    shown++;
  }
  if (shown === 0) lines.push("< (no CORS headers)");
  return lines;
}
function listNames(names) {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

// src/report/middleware-fix.ts
var OPTIONS = {
  cors: { originList: true, methods: "methods", headers: "allowedHeaders", answerPreflights: "mount cors(...) before the routes and auth that answer OPTIONS now (app.use(cors(options)) first; keep preflightContinue: false)" },
  "@fastify/cors": { originList: true, methods: "methods", headers: "allowedHeaders", answerPreflights: "register @fastify/cors before the routes and hooks that answer OPTIONS now (keep preflight: true)" },
  "hono/cors": { originList: true, methods: "allowMethods", headers: "allowHeaders", answerPreflights: "app.use(path, cors(options)) before the routes and middleware that answer OPTIONS now, on a path that covers this URL" },
  "@koa/cors": { originList: false, methods: "allowMethods", headers: "allowHeaders", answerPreflights: "app.use(cors(options)) before the middleware that answers OPTIONS now" }
};
function middlewareFix(reason, middleware) {
  if (!reason.fix) return null;
  const names = OPTIONS[middleware];
  const options = {};
  const notes = [];
  const on = reason.preflight ? "preflight" : "response";
  const direct = reason.fix.filter((c) => "url" in c && c.on === on);
  if (direct.some((c) => c.kind === "status" && c.on === "preflight")) return { middleware, options: {}, notes: [names.answerPreflights] };
  for (const change2 of direct) {
    if (change2.kind !== "header") continue;
    switch (change2.header.toLowerCase()) {
      case "access-control-allow-origin":
        options.origin = change2.value === "null" || !names.originList ? change2.value : [change2.value];
        if (change2.value !== "null") {
          notes.push(names.originList ? "keep the other origins you allow in that list (never '*' or true with credentials)" : "for several origins, pass a function of ctx that returns the request origin when it is allowed");
        }
        break;
      case "access-control-allow-credentials":
        options.credentials = true;
        break;
      case "access-control-allow-methods":
        options[names.methods] = list(change2.value);
        break;
      case "access-control-allow-headers":
        options[names.headers] = list(change2.value);
        break;
    }
  }
  if (!reason.preflight && reason.fix.some((c) => c.kind === "later-header")) notes.push("mount it with the same options on the route this request is redirected to");
  if (Object.keys(options).length === 0 && notes.length === 0) return null;
  return { middleware, options, notes };
}
function middlewareFixSentence(fix) {
  const parts = [];
  const options = Object.entries(fix.options).map(([name, value]) => `${name}: ${source(value)}`);
  if (options.length > 0) parts.push(`${fix.middleware}({ ${options.join(", ")} })`);
  parts.push(...fix.notes);
  return parts.join("; ");
}
function list(value) {
  return value.split(",").map((v) => v.trim()).filter(Boolean);
}
function source(value) {
  if (Array.isArray(value)) return `[${value.map(quote).join(", ")}]`;
  return typeof value === "string" ? quote(value) : String(value);
}
function quote(value) {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

// src/matchers/cell.ts
function decidePass(cells, isNot) {
  if (cells.some((c) => c.holds === null)) return isNot;
  if (cells.every((c) => c.holds === true)) return true;
  if (cells.every((c) => c.holds === false)) return false;
  return isNot;
}
function contradicting(cells, isNot) {
  return cells.filter((c) => c.holds !== !isNot);
}
function verdictStatus(verdict) {
  return verdict.allowed ? "allowed" : `blocked (${verdict.reason?.code ?? "unknown reason"})`;
}
function isNoAnswer(verdict) {
  const last = verdict.exchanges[verdict.exchanges.length - 1];
  return !verdict.allowed && (verdict.reason?.code === "NetworkError" || verdict.reason?.code === "Timeout") && last !== void 0 && !last.response;
}

// src/matchers/message.ts
function buildMessage(ctx, input) {
  const isNot = ctx.isNot === true;
  const expectedColor = ctx.utils?.EXPECTED_COLOR ?? identity;
  const receivedColor = ctx.utils?.RECEIVED_COLOR ?? identity;
  const hint = ctx.utils?.matcherHint ? ctx.utils.matcherHint(input.matcher, input.received, input.expectedArg, { isNot, promise: ctx.promise ?? "", secondArgument: input.secondArgument }) : `expect(${input.received})${isNot ? ".not" : ""}.${input.matcher}(${input.expectedArg}${input.secondArgument ? `, ${input.secondArgument}` : ""})`;
  const lines = [hint, "", `Expected: ${expectedColor(input.expected)}`];
  const summary = summarize(input.cells);
  if (summary.length === 1) lines.push(`Received: ${receivedColor(summary[0])}`);
  else lines.push("Received:", ...summary.map((s) => `  ${receivedColor(s)}`));
  const notes = overallNotes(input.cells);
  if (notes.length) lines.push("", ...notes);
  for (const block of blocks(contradicting(input.cells, isNot))) lines.push("", formatBlock(block));
  return lines.join("\n");
}
function summarize(cells) {
  const byLabel = groupBy(cells, (c) => c.label ?? "");
  const width = Math.max(...[...byLabel.keys()].map((l) => l.length));
  return [...byLabel].map(([label, group]) => {
    const states = [...groupBy(group, (c) => c.status)].map(([status, g]) => `${engineList(g)}: ${status}`).join("; ");
    return label ? `${label.padEnd(width)}  ${states}` : states;
  });
}
function overallNotes(cells) {
  const notes = [];
  if (cells.some((c) => c.holds === null)) {
    notes.push("Some results are no evidence either way (see below), so this assertion and its .not both fail.");
  } else if (cells.some((c) => c.holds) && cells.some((c) => !c.holds)) {
    const engines = new Set(cells.map((c) => c.engine));
    notes.push(
      engines.size > 1 && disagreeByEngine(cells) ? "The engines disagree, so this assertion and its .not both fail. Fix the server for every engine, or test one engine with { engine: 'chromium' }." : "The results are mixed, so this assertion and its .not both fail."
    );
  }
  return notes;
}
function disagreeByEngine(cells) {
  for (const group of groupBy(cells, (c) => c.label ?? "").values()) {
    if (group.some((c) => c.holds) && group.some((c) => !c.holds)) return true;
  }
  return false;
}
function blocks(cells) {
  const groups = groupBy(cells, (c) => JSON.stringify([c.label, c.status, c.notes, c.change, c.reason, c.verdict?.exchanges, c.response?.headers]));
  return [...groups.values()].map((group) => {
    const cell = group[0];
    const engines = group.map((c) => c.engine);
    const reason = cell.reason ?? cell.verdict?.reason;
    const fixText = reason ? reasonFixSentence(reason) : "";
    const fix = fixText ? { label: "Fix", text: fixText } : void 0;
    const inMiddleware = reason && cell.middleware && cell.change === void 0 ? middlewareFix(reason, cell.middleware) : null;
    const worded = reason && !isTargetFailure(reason.network) ? reason : void 0;
    const consoles = worded ? consoleLines(worded, engines) : [];
    return {
      title: `${cell.label ? `${cell.label} \xB7 ` : ""}${engineList(group)}: ${cell.status}`,
      notes: cell.notes,
      consoles,
      exchanges: cell.verdict?.exchanges,
      response: cell.response ? { label: `${cell.response.kind}${cell.response.url ? ` from ${cell.response.url}` : ""}:`, status: cell.response.status, statusText: cell.response.statusText, headers: cell.response.headers } : void 0,
      change: cell.change === null ? void 0 : cell.change ?? fix,
      also: inMiddleware ? { label: `Fix (${inMiddleware.middleware} options)`, text: middlewareFixSentence(inMiddleware) } : void 0
    };
  });
}
function consoleLines(reason, engines) {
  const lines = engines.map((engine) => reasonConsoleLine(reason, engine)).filter((line) => line.message);
  const own = lines.filter((line) => line.wordsOf === line.engine);
  const shown = own.length > 0 ? own : lines.slice(0, 1);
  return shown.filter((line, k) => shown.findIndex((other) => other.wordsOf === line.wordsOf) === k);
}
function engineList(cells) {
  const engines = [];
  for (const c of cells) if (!engines.includes(c.engine)) engines.push(c.engine);
  return engines.join(", ");
}
function groupBy(items, key) {
  const map = /* @__PURE__ */ new Map();
  for (const item of items) {
    const k = key(item);
    const list2 = map.get(k);
    if (list2) list2.push(item);
    else map.set(k, [item]);
  }
  return map;
}
function identity(text) {
  return text;
}
function resultOf(ctx, input, cells) {
  const pass = decidePass(cells, ctx.isNot === true);
  return { pass, message: () => buildMessage(ctx, { ...input, cells }) };
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

// src/matchers/options.ts
var REQUEST_KEYS = ["url", "origin", "method", "headers", "body", "mode", "credentials", "redirect"];
var OPTION_KEYS = ["engine", "engines", "baseUrl", "timeoutMs"];
var RESPONSE_KEYS = ["origin", "credentials", "engine", "engines"];
function readRequestArgument(value, matcher, onResponse = false) {
  if (value === void 0) return { request: {}, engines: [...BROWSER_ENGINES] };
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InvalidArgumentError(
      `${matcher} request`,
      `expected an object, got ${describe(value)}`,
      "Pass e.g. { origin: 'https://app.example', method: 'PUT', engines: ['chromium'] }."
    );
  }
  const known = onResponse ? RESPONSE_KEYS : [...REQUEST_KEYS, ...OPTION_KEYS];
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    if (onResponse && [...REQUEST_KEYS, ...OPTION_KEYS].includes(key)) {
      throw new InvalidArgumentError(
        `${matcher} request.${key}`,
        "it has no effect on a response object: the request was already made",
        `On a response only ${RESPONSE_KEYS.join(", ")} apply; to choose ${key}, pass the app or URL to expect() instead.`
      );
    }
    throw new InvalidArgumentError(`${matcher} request.${key}`, "unknown option", `Known options: ${known.join(", ")}.`);
  }
  const v = value;
  const request = {};
  for (const key of REQUEST_KEYS) if (v[key] !== void 0) request[key] = v[key];
  return {
    request,
    engines: readEngines(v.engine, v.engines, matcher),
    baseUrl: readBaseUrl(v.baseUrl, matcher),
    timeoutMs: readTimeout(v.timeoutMs, matcher)
  };
}
function requireOrigin(input, matcher, fallback) {
  const origin = input.request.origin ?? fallback ?? void 0;
  if (origin === void 0) {
    throw new InvalidArgumentError(
      `${matcher} request.origin`,
      "it is missing, and the matcher needs the page's origin",
      `Pass it in the request: ${matcher}(..., { origin: 'https://app.example' }).`
    );
  }
  return parseOrigin(origin, `${matcher} request.origin`);
}
function originArgument(origin, input, matcher) {
  const parsed = parseOrigin(origin, `${matcher} origin`);
  if (input.request.origin !== void 0 && parseOrigin(input.request.origin, `${matcher} request.origin`) !== parsed) {
    throw new InvalidArgumentError(
      `${matcher} request.origin`,
      `it says '${input.request.origin}' but the origin argument is '${parsed}'`,
      "Give the origin once, as the first argument."
    );
  }
  return parsed;
}
function readEngines(engine, engines, matcher) {
  if (engine !== void 0 && engines !== void 0) {
    throw new InvalidArgumentError(`${matcher} request.engine`, "both engine and engines are given", "Pass one: { engine: 'firefox' } or { engines: ['chromium', 'webkit'] }.");
  }
  if (engine !== void 0) return [readEngine(engine, `${matcher} request.engine`)];
  if (engines === void 0) return [...BROWSER_ENGINES];
  if (!Array.isArray(engines) || engines.length === 0) {
    throw new InvalidArgumentError(`${matcher} request.engines`, `expected a non-empty array of engine names, got ${describe(engines)}`, "Pass e.g. ['chromium', 'firefox'].");
  }
  const out = [];
  for (const name of engines) {
    const parsed = readEngine(name, `${matcher} request.engines`);
    if (out.includes(parsed)) throw new InvalidArgumentError(`${matcher} request.engines`, `'${parsed}' is listed twice`, "List each engine once.");
    out.push(parsed);
  }
  return out;
}
function readEngine(name, argument) {
  if (typeof name === "string" && Object.hasOwn(ENGINES, name)) return name;
  throw new InvalidArgumentError(argument, `${describe(name)} is not an engine`, "Use 'chromium', 'firefox', 'webkit' or 'spec'.");
}
function readBaseUrl(value, matcher) {
  if (value === void 0) return void 0;
  if (value instanceof URL) return value.href;
  if (typeof value === "string" && URL.canParse(value)) return value;
  throw new InvalidArgumentError(`${matcher} request.baseUrl`, `${describe(value)} is not an absolute URL`, "Pass e.g. 'https://api.example'.");
}
function readTimeout(value, matcher) {
  if (value === void 0) return void 0;
  if (typeof value === "number" && value > 0 && Number.isFinite(value)) return value;
  throw new InvalidArgumentError(`${matcher} request.timeoutMs`, `${describe(value)} is not a positive number of milliseconds`, "Pass e.g. 5000.");
}
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `'${value}'`;
  if (typeof value === "object") return Object.prototype.toString.call(value).slice(8, -1);
  return `${typeof value} ${String(value)}`;
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
      const copy2 = super.clone();
      return new ServerRequest(copy2, { method: copy2.method, headers: this.#list, body: void 0, redirect: copy2.redirect, signal: this.#signal });
    }
  };
}
function isResponseLike(value) {
  if (value === null || typeof value !== "object") return false;
  const response = value;
  return typeof response.status === "number" && typeof response.statusText === "string" && typeof response.headers === "object" && response.headers !== null && typeof response.headers.forEach === "function" && typeof response.arrayBuffer === "function";
}
function isHeadersLike(value) {
  if (value === null || typeof value !== "object") return false;
  const headers = value;
  return typeof headers.get === "function" && typeof headers.forEach === "function" && typeof headers.append === "function" && typeof headers.has === "function";
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

// src/matchers/response-like.ts
import { IncomingMessage } from "node:http";
function readResponse(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  if (isResponseLike(value) && isHeadersLike(value.headers)) {
    return { kind: "fetch Response", status: value.status, statusText: value.statusText, url: value.url || void 0, headers: fromHeaders(value.headers) };
  }
  if (isHeadersLike(value)) return { kind: "Headers", headers: fromHeaders(value) };
  if (value instanceof IncomingMessage) {
    const req2 = value.req;
    return {
      kind: "IncomingMessage",
      status: value.statusCode,
      statusText: value.statusMessage,
      url: clientRequestUrl(req2),
      requestOrigin: requestOriginOf(req2),
      headers: pairs(value.rawHeaders)
    };
  }
  const o = value;
  if ("headers" in o && (typeof o.status === "number" || typeof o.statusCode === "number")) return fromResponseObject(o);
  if (isHeaderRecord(o)) return { kind: "headers record", headers: fromRecord(o) };
  return null;
}
function fromResponseObject(o) {
  const status = typeof o.status === "number" ? o.status : o.statusCode;
  const raw = o.raw;
  const lightMyRequest = typeof o.statusCode === "number" && typeof o.payload === "string";
  const incoming = o.res;
  const headers = Array.isArray(o.rawHeaders) ? pairs(o.rawHeaders) : Array.isArray(incoming?.rawHeaders) ? pairs(incoming.rawHeaders) : o.headers instanceof Headers ? fromHeaders(o.headers) : fromRecord(o.headers ?? {});
  const res = raw?.res;
  const req2 = raw?.req ?? o.req;
  return {
    kind: lightMyRequest ? "light-my-request response" : typeof o.status === "number" && "req" in o ? "supertest response" : "response",
    status,
    statusText: [o.statusMessage, res?.statusMessage, incoming?.statusMessage].find((t2) => typeof t2 === "string"),
    url: superagentUrl(o) ?? clientRequestUrl(req2) ?? incomingUrl(req2),
    requestOrigin: requestOriginOf(req2),
    headers
  };
}
function isHeaderRecord(o) {
  const proto = Object.getPrototypeOf(o);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(o).every((v) => v === void 0 || typeof v === "string" || typeof v === "number" || Array.isArray(v) && v.every((x) => typeof x === "string"));
}
function fromHeaders(headers) {
  const out = [];
  headers.forEach((value, name) => {
    if (name !== "set-cookie") out.push([name, value]);
  });
  for (const cookie of headers.getSetCookie()) out.push(["set-cookie", cookie]);
  return out;
}
function fromRecord(record) {
  const out = [];
  for (const [name, value] of Object.entries(record)) {
    if (value === void 0) continue;
    if (Array.isArray(value)) for (const v of value) out.push([name, String(v)]);
    else out.push([name, String(value)]);
  }
  return out;
}
function pairs(raw) {
  const out = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}
function requestOriginOf(req2) {
  if (req2 === null || typeof req2 !== "object") return void 0;
  const r = req2;
  let value;
  if (typeof r.getHeader === "function") value = r.getHeader("origin");
  else if (r.headers && typeof r.headers === "object") value = r.headers.origin;
  else return void 0;
  if (value === void 0) return null;
  return Array.isArray(value) ? value.join(", ") : String(value);
}
function superagentUrl(o) {
  const request = o.request;
  return typeof request?.url === "string" && /^https?:/.test(request.url) ? request.url : void 0;
}
function clientRequestUrl(req2) {
  if (req2 === null || typeof req2 !== "object") return void 0;
  const r = req2;
  if (typeof r.path !== "string" || typeof r.host !== "string" || typeof r.getHeader !== "function") return void 0;
  const protocol = typeof r.protocol === "string" ? r.protocol : "http:";
  const host = r.getHeader("host");
  return `${protocol}//${typeof host === "string" ? host : r.host}${r.path}`;
}
function incomingUrl(req2) {
  if (req2 === null || typeof req2 !== "object") return void 0;
  const r = req2;
  if (typeof r.url !== "string") return void 0;
  const host = r.headers?.host;
  return typeof host === "string" ? `http://${host}${r.url}` : r.url;
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
    const prefix2 = `${parts.origin}\0${parts.url}\0${parts.credentials ? 1 : 0}\0`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix2)) this.entries.delete(key);
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
  return new Promise((resolve2, reject) => {
    let settled = false;
    const finish2 = () => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      outer?.removeEventListener("abort", onAbort);
      return true;
    };
    const fail = (error) => {
      if (!finish2()) return;
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
        if (finish2()) resolve2(value);
      },
      (error) => {
        if (finish2()) reject(error);
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
function isCatchAll(value) {
  return typeof value["corsproof: no such property"] === "function";
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

// src/transports/body.ts
async function readLimited(source2, maxBytes) {
  const collector = new BodyCollector(maxBytes);
  for await (const chunk of source2) {
    if (!collector.add(typeof chunk === "string" ? Buffer.from(chunk) : chunk)) break;
  }
  return collector.result();
}
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
  return makeServerRequest(withoutCredentials2(wire2.url), { method: wire2.method, headers: wire2.headers, body: wire2.body, redirect: "manual", signal });
}
function withoutCredentials2(href) {
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
          `The fetch handler returned ${describe2(response)} instead of a Response. Return a Response (or a Promise of one).${response === void 0 ? arityHint(handler) : ""}`
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
function describe2(value) {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value === null) return "null";
  if (value === void 0) return "undefined";
  return typeof value === "object" ? Object.prototype.toString.call(value) : `${typeof value} ${String(value)}`;
}

// src/arguments/simulate-options.ts
var OPTION_KEYS2 = /* @__PURE__ */ new Set(["transport", "engine", "preflightCache", "timeoutMs"]);
var DEFAULT_TIMEOUT_MS2 = 1e4;
var MAX_TIMEOUT_MS = 2 ** 31 - 1;
function checkSimulateOptions(options) {
  if (options === null || typeof options !== "object") {
    throw new InvalidArgumentError("options", `expected an object, got ${options === null ? "null" : typeof options}`, "Pass { transport, engine? }.");
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS2.has(key)) throw new InvalidArgumentError(`options.${key}`, "unknown option", `Known options: ${[...OPTION_KEYS2].join(", ")}.`);
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
        if (--queue.live === 0) queue.clear();
      }
    };
    this.live++;
    this.entries.push(entry);
    if (this.timer === void 0) this.arm();
    return entry;
  }
  clear() {
    if (this.timer !== void 0) clearTimeout(this.timer);
    this.timer = void 0;
    this.entries = [];
    this.head = 0;
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
function sendWithDeadline(transport, wire2, timeoutMs) {
  return new Promise((resolve2) => {
    let controller;
    let expired;
    let settled = false;
    const deadline = startDeadline(timeoutMs, () => {
      if (settled) return;
      settled = true;
      expired = deadlineExpired(timeoutMs);
      controller?.abort(expired);
      resolve2({ ok: false, failure: { kind: "timeout", ms: timeoutMs } });
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
      sending = Promise.resolve(transport.send(wire2, context));
    } catch (error) {
      sending = Promise.reject(error);
    }
    const finish2 = (result) => {
      if (settled) return;
      settled = true;
      deadline.cancel();
      resolve2(result);
    };
    sending.then((response) => {
      let result;
      try {
        const problem = validateResponse(response);
        result = problem ? { ok: false, failure: problem } : { ok: true, response: normalizeResponse(response) };
      } catch (error) {
        result = { ok: false, failure: { kind: "invalid-response", problem: "unreadable", value: error instanceof Error ? error.message : String(error) } };
      }
      finish2(result);
    }, (error) => finish2({ ok: false, failure: failureOf(error, timeoutMs) }));
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
    const { name, message: message2, stack } = cause;
    return { kind: "target", name: typeof name === "string" ? name : "Error", message: message2, ...typeof stack === "string" ? { stack } : {}, context };
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
  const wire2 = { method: "OPTIONS", url: ctx.url, headers, body: null };
  const exchange2 = { kind: "preflight", request: wire2 };
  ctx.exchanges.push(exchange2);
  const sent = await sendWithDeadline(ctx.transport, wire2, ctx.timeoutMs);
  if (!sent.ok) {
    exchange2.error = sent.failure;
    return ctx.fail(sent.failure.kind === "timeout" ? "Timeout" : "NetworkError", { network: sent.failure });
  }
  const response = sent.response;
  exchange2.response = response;
  const list2 = response.headers;
  const skipCheck = ctx.engine.sameOriginPreflightSkipsCorsCheck && sameOrigin(ctx.urlOrigin, ctx.pageOrigin);
  const check = skipCheck ? { ok: true } : corsCheck({
    allowOrigin: getHeader(list2, "access-control-allow-origin"),
    allowCredentials: getHeader(list2, "access-control-allow-credentials"),
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
  const methods = extractTokenList(list2, "access-control-allow-methods");
  if (methods && !methods.ok) return ctx.fail("InvalidAllowMethodsPreflightResponse", { failedParameter: methods.invalid, response });
  const headerNames = extractTokenList(list2, "access-control-allow-headers");
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
  const maxAge = preflightMaxAge(getHeader(list2, "access-control-max-age"), ctx.engine.maxAgeCapSeconds);
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
          const exchange2 = new SharedSend(context.deadline);
          let response;
          try {
            response = Promise.resolve(transport.send(request, exchange2.context));
          } catch (error) {
            response = Promise.reject(error);
          }
          response.catch(() => void 0);
          step = { response, point: new Point(), exchange: exchange2 };
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
      const wire2 = this.actualWire();
      const sent = await sendWithDeadline(this.transport, wire2, this.timeoutMs);
      const exchange2 = { kind: this.urlList.length === 1 ? "actual" : "redirect", request: wire2 };
      this.exchanges.push(exchange2);
      if (!sent.ok) {
        exchange2.error = sent.failure;
        return this.fail(sent.failure.kind === "timeout" ? "Timeout" : "NetworkError", false, { network: sent.failure });
      }
      const response = sent.response;
      exchange2.response = response;
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

// src/targets/cors-middleware.ts
function detectCorsMiddleware(target) {
  if (target === null || typeof target !== "object" && typeof target !== "function") return null;
  const app2 = target;
  try {
    if (typeof app2.hasPlugin === "function" && app2.hasPlugin("@fastify/cors")) return "@fastify/cors";
    const router = app2.router ?? app2._router;
    if (typeof target === "function" && router && hasLayer(router.stack, (fn) => fn.name === "corsMiddleware")) return "cors";
    if (typeof target === "function" && Array.isArray(app2.stack) && hasLayer(app2.stack, (fn) => fn.name === "corsMiddleware")) return "cors";
    if (Array.isArray(app2.routes) && typeof app2.fetch === "function") {
      if (app2.routes.some((r) => typeof r.handler === "function" && r.handler.name === "cors" && setsAllowOrigin(r.handler))) return "hono/cors";
    }
    if (Array.isArray(app2.middleware) && typeof app2.callback === "function") {
      if (app2.middleware.some((fn) => typeof fn === "function" && fn.name === "cors" && setsAllowOrigin(fn))) return "@koa/cors";
    }
  } catch {
  }
  return null;
}
function hasLayer(stack, match, depth = 0) {
  if (!Array.isArray(stack) || depth > 8) return false;
  for (const layer of stack) {
    const handle = layer?.handle;
    if (typeof handle === "function" && match(handle)) return true;
    if (handle && hasLayer(handle.stack, match, depth + 1)) return true;
    if (layer?.route && hasLayer(layer.route.stack, match, depth + 1)) return true;
  }
  return false;
}
function setsAllowOrigin(fn) {
  return /access-control-allow-origin/i.test(Function.prototype.toString.call(fn));
}

// src/transports/raw-headers.ts
function pairsFromRawHeaders(raw) {
  const pairs2 = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs2.push([raw[i], raw[i + 1]]);
  return pairs2;
}
function pairsFromHeaderBlock(block) {
  const lines = block.split("\r\n");
  if (!/^HTTP\/\d(\.\d)? \d{3}/.test(lines[0] ?? "")) return null;
  const pairs2 = [];
  for (const line of lines.slice(1)) {
    if (line === "") break;
    const colon = line.indexOf(":");
    if (colon <= 0) return null;
    pairs2.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  return pairs2;
}
function pairsFromHeaderRecord(record) {
  const pairs2 = [];
  for (const [name, value] of Object.entries(record)) {
    if (value === void 0 || value === null) continue;
    if (Array.isArray(value)) for (const item of value) pairs2.push([name, String(item)]);
    else pairs2.push([name, String(value)]);
  }
  return pairs2;
}
function recordFromPairs(pairs2) {
  const record = {};
  const caseOf = /* @__PURE__ */ new Map();
  for (const [name, value] of pairs2) {
    const key = name.toLowerCase();
    const existing = caseOf.get(key);
    if (existing === void 0) {
      caseOf.set(key, name);
      record[name] = value;
      continue;
    }
    const current = record[existing];
    record[existing] = Array.isArray(current) ? [...current, value] : [current, value];
  }
  return record;
}
function hasHeader(pairs2, name) {
  const lower = name.toLowerCase();
  return pairs2.some(([n]) => n.toLowerCase() === lower);
}
function flattenPairs(pairs2) {
  return pairs2.flatMap(([name, value]) => [name, value]);
}
function combinedRecordFromPairs(pairs2) {
  const record = {};
  const caseOf = /* @__PURE__ */ new Map();
  for (const [name, value] of pairs2) {
    const key = name.toLowerCase();
    const existing = caseOf.get(key);
    if (existing === void 0) {
      caseOf.set(key, name);
      record[name] = value;
    } else {
      record[existing] = `${record[existing]}, ${value}`;
    }
  }
  return record;
}

// src/transports/http-exchange.ts
function httpExchange(wire2, context, settings) {
  const what = `${wire2.method} ${wire2.url}`;
  let target;
  try {
    target = new URL(wire2.url);
  } catch (cause) {
    return Promise.reject(new TransportError("network", `Cannot send ${what}: not an absolute URL.`, { cause }));
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    return Promise.reject(new TransportError("network", `Cannot send ${what}: only http: and https: URLs can be sent.`));
  }
  return withDeadline(context, settings.timeoutMs, what, (signal) => exchange(wire2, target, signal(), settings), {
    awaitWorkOnAbort: true
  });
}
function outgoingHeaders(wire2, target) {
  const headers = [...wire2.headers];
  if (!hasHeader(headers, "host")) headers.unshift(["Host", target.host]);
  const body = wire2.body;
  if (body && body.byteLength > 0 && !hasHeader(headers, "content-length") && !hasHeader(headers, "transfer-encoding")) {
    headers.push(["Content-Length", String(body.byteLength)]);
  }
  return headers;
}
var CLOSE_GRACE_MS = 250;
function exchange(wire2, target, signal, settings) {
  const what = `${wire2.method} ${wire2.url}`;
  const body = wire2.body && wire2.body.byteLength > 0 ? wire2.body : null;
  return new Promise((resolve2, reject) => {
    let outcome;
    let closed = false;
    let delivered = false;
    let request;
    const deliver = () => {
      if (!outcome || delivered) return;
      delivered = true;
      if (outcome.ok) resolve2(outcome.value);
      else reject(outcome.error);
    };
    const settle = (result) => {
      if (outcome) return;
      outcome = result;
      signal.removeEventListener("abort", onAbort);
      const drop = settings.closeAfter || !result.ok || result.value.bodyTruncated === true;
      if (drop && !closed) request?.destroy();
      if (closed || !settings.closeAfter || !request) deliver();
      else {
        const grace = setTimeout(deliver, CLOSE_GRACE_MS);
        grace.unref?.();
      }
    };
    const failWith = (error) => {
      settle({ ok: false, error: settings.explain?.(request?.socket) ?? error });
    };
    const onAbort = () => settle({ ok: false, error: signal.reason });
    try {
      request = settings.open(target, wire2.method, outgoingHeaders(wire2, target));
    } catch (cause) {
      settle({ ok: false, error: new TransportError("network", `Cannot send ${what}: ${describeError(cause)}.`, { cause }) });
      return;
    }
    signal.addEventListener("abort", onAbort, { once: true });
    request.on("error", (error) => failWith(classify(error, what, target)));
    let collector;
    request.on("close", () => {
      closed = true;
      if (!outcome && !collector) failWith(new TransportError("network", `The connection closed before ${what} got a response.`));
      deliver();
    });
    request.on("response", (response) => {
      const reading = new BodyCollector(settings.maxBodyBytes);
      collector = reading;
      const head = {
        status: response.statusCode ?? 0,
        statusText: response.statusMessage ?? "",
        headers: pairsFromRawHeaders(response.rawHeaders)
      };
      const done = () => {
        const { body: received, truncated } = reading.result();
        settle({ ok: true, value: truncated ? { ...head, body: received, bodyTruncated: true } : { ...head, body: received } });
      };
      response.on("data", (chunk) => {
        if (outcome) return;
        if (!reading.add(chunk)) {
          done();
          response.destroy();
        }
      });
      response.on("end", done);
      response.on("error", (error) => failWith(midResponse(error, what, reading.length)));
      response.on("close", () => {
        if (!response.complete) failWith(midResponse(void 0, what, reading.length));
      });
    });
    request.end(body ?? void 0);
  });
}
function midResponse(error, what, received) {
  const code = error?.code;
  if (code?.startsWith("HPE_")) {
    return new TransportError(
      "protocol",
      `The response to ${what} broke HTTP framing after ${received} body bytes (${describeError(error)}).`,
      { cause: error }
    );
  }
  return new TransportError(
    "network",
    `The connection closed mid-response: ${what} got its status and headers but only ${received} body bytes before the server hung up${error ? ` (${describeError(error)})` : ""}.`,
    { cause: error }
  );
}
function classify(error, what, target) {
  if (error instanceof TransportError) return error;
  const code = error.code ?? "";
  const where = target.host;
  const options = { cause: error };
  if (code === "ECONNREFUSED") {
    return new TransportError(
      "network",
      `Connection refused by ${where} for ${what}: nothing is listening there. Is the server running on that port?`,
      options
    );
  }
  if (code === "ECONNRESET") {
    return new TransportError(
      "network",
      error.message === "socket hang up" ? `The server at ${where} closed the connection without answering ${what} (socket hang up).` : `The connection to ${where} was reset (ECONNRESET) before ${what} got a response.`,
      options
    );
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return new TransportError("network", `Cannot resolve the host ${target.hostname} for ${what} (${code}).`, options);
  }
  if (code.startsWith("HPE_")) {
    return new TransportError(
      "protocol",
      `The server at ${where} did not answer ${what} with valid HTTP (${describeError(error)}). Is an HTTP server listening on that port${target.protocol === "http:" ? ", or does it expect https:" : ""}?`,
      options
    );
  }
  if (code === "ERR_SSL_WRONG_VERSION_NUMBER" || /wrong version number|packet length too long/i.test(error.message)) {
    return new TransportError(
      "protocol",
      `TLS with ${where} failed for ${what} (${describeError(error)}): the server probably speaks plain http:, not https:.`,
      options
    );
  }
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) {
    return new TransportError(
      "network",
      `The TLS certificate of ${where} was rejected for ${what} (${describeError(error)}). To trust it, pass fromUrl(url, { agent: new https.Agent({ ca }) }).`,
      options
    );
  }
  if (code === "ERR_NOCK_NO_MATCH" || error.name === "NetConnectNotAllowedError") {
    return new TransportError(
      "network",
      `nock did not answer ${what}: ${error.message}. Add an interceptor for it, or allow the connection.`,
      options
    );
  }
  if (typeof error.code !== "string") {
    return handlerError(`${what} was failed inside this process by a request interceptor (nock?), not by the network`, error);
  }
  return new TransportError("network", `${what} failed: ${describeError(error)}.`, options);
}
function describeError(error) {
  if (!(error instanceof Error)) return String(error);
  const code = error.code;
  return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}

// src/transports/injected.ts
async function fromInjectedResponse(response, maxBodyBytes) {
  const block = response.raw?.res?._header;
  const headers = (typeof block === "string" ? pairsFromHeaderBlock(block) : null) ?? pairsFromHeaderRecord(response.headers);
  const head = { status: response.statusCode, statusText: response.statusMessage ?? "", headers };
  if (typeof response.stream === "function") {
    let read;
    try {
      read = await readLimited(response.stream(), maxBodyBytes);
    } catch (cause) {
      throw new TransportError("network", `The app stopped its response mid-body (${cause instanceof Error ? cause.message : String(cause)}).`, { cause });
    }
    const { body, truncated } = read;
    return truncated ? { ...head, body, bodyTruncated: true } : { ...head, body };
  }
  const payload = response.rawPayload ?? new Uint8Array(0);
  if (payload.byteLength > maxBodyBytes) return { ...head, body: payload.subarray(0, maxBodyBytes), bodyTruncated: true };
  return { ...head, body: new Uint8Array(payload) };
}

// src/transports/node-http.ts
import * as http from "node:http";
import { duplexPair } from "node:stream";
var InProcessClientRequest = process.getBuiltinModule?.("_http_client")?.ClientRequest ?? http.ClientRequest;
var IN_PROCESS_KEYS = ["baseUrl", "timeoutMs", "maxBodyBytes"];
function fromNodeHandler(target, options) {
  const settings = resolveOptions(options, "fromNodeHandler", IN_PROCESS_KEYS);
  const baseUrl = resolveBaseUrl(options?.baseUrl, "fromNodeHandler options.baseUrl");
  const { name, connect } = connectorFor(target);
  return {
    name,
    baseUrl,
    send: (wire2, context) => httpExchange(wire2, context, {
      ...settings,
      closeAfter: true,
      open: (target2, method, headers) => new InProcessClientRequest({
        method,
        // The raw array form keeps header order, case and repeats exactly as given.
        headers: flattenPairs(headers),
        host: target2.hostname,
        port: target2.port,
        path: `${target2.pathname}${target2.search}`,
        createConnection: () => connect(target2.protocol === "https:")
      }),
      explain: (socket) => connect.failureOf(socket)
    })
  };
}
var connectors = /* @__PURE__ */ new WeakMap();
function connectorFor(target) {
  const cached = typeof target === "object" || typeof target === "function" ? connectors.get(target) : void 0;
  if (cached) return cached;
  const { listener, name } = listenerOf(target);
  const made = { name, connect: inProcessConnector(listener) };
  connectors.set(target, made);
  return made;
}
function listenerOf(target) {
  if (target instanceof http.Server || isServerLike(target)) {
    const server = target;
    if (server.listenerCount("request") === 0) {
      throw new InvalidArgumentError(
        "target",
        "the server has no request listener",
        'Create it with http.createServer(app) (or add one with server.on("request", app)) before testing it.'
      );
    }
    return { listener: (req2, res) => server.emit("request", req2, res), name: "http.Server" };
  }
  if (isKoaLike(target)) {
    let composed;
    let composedCount = -1;
    const middleware = target.middleware;
    return {
      listener: (req2, res) => {
        if (!composed || composedCount !== middleware.length) {
          composed = target.callback();
          composedCount = middleware.length;
        }
        return composed(req2, res);
      },
      name: "koa"
    };
  }
  if (typeof target === "function") {
    const fn = target;
    const name = typeof fn.handle === "function" && typeof fn.set === "function" ? "express" : typeof fn.handle === "function" && typeof fn.use === "function" ? "connect" : "node-listener";
    return { listener: fn, name };
  }
  throw new InvalidArgumentError(
    "target",
    `fromNodeHandler expected a request listener, an Express/Connect/Koa app or an http.Server, received ${describeValue(target)}`,
    "Pass the app itself (e.g. fromNodeHandler(app)), or use toTransport(target) to detect the kind."
  );
}
function isKoaLike(value) {
  return typeof value === "object" && value !== null && !isCatchAll(value) && typeof value.callback === "function" && typeof value.use === "function" && Array.isArray(value.middleware);
}
function isServerLike(value) {
  return typeof value === "object" && value !== null && !isCatchAll(value) && typeof value.listen === "function" && typeof value.listenerCount === "function" && typeof value.emit === "function" && "maxHeadersCount" in value;
}
function inProcessConnector(listener) {
  const failures = /* @__PURE__ */ new WeakMap();
  const clients = /* @__PURE__ */ new WeakMap();
  const fail = (serverSide, error) => {
    const client = clients.get(serverSide);
    if (client) failures.set(client, error);
    serverSide.destroy();
  };
  const server = new http.Server((req2, res) => {
    try {
      const result = listener(req2, res);
      if (isPromiseLike(result)) result.then(void 0, (error) => fail(req2.socket, error));
    } catch (error) {
      fail(req2.socket, error);
    }
  });
  const connect = ((secure) => {
    const [client, serverSide] = duplexPair();
    Object.assign(serverSide, { remoteAddress: "127.0.0.1", remotePort: 0, remoteFamily: "IPv4", encrypted: secure || void 0 });
    clients.set(serverSide, client);
    client.once("close", () => serverSide.destroy());
    serverSide.once("close", () => client.destroy());
    server.emit("connection", serverSide);
    return client;
  });
  connect.failureOf = (clientSide) => {
    if (typeof clientSide !== "object" || clientSide === null || !failures.has(clientSide)) return void 0;
    return handlerError("The app threw while answering", failures.get(clientSide));
  };
  return connect;
}
function isPromiseLike(value) {
  return typeof value === "object" && value !== null && typeof value.then === "function";
}

// src/transports/fastify.ts
function isFastifyLike(value) {
  return typeof value === "object" && value !== null && !isCatchAll(value) && typeof value.inject === "function" && typeof value.ready === "function" && typeof value.register === "function" && "server" in value;
}
function fromFastify(instance, options) {
  if (!isFastifyLike(instance)) {
    throw new InvalidArgumentError(
      "target",
      `fromFastify expected a Fastify instance, received ${describeValue(instance)}`,
      "Pass the instance returned by fastify(), e.g. fromFastify(app)."
    );
  }
  const settings = resolveOptions(options, "fromFastify", ["baseUrl", "timeoutMs", "maxBodyBytes"]);
  const baseUrl = resolveBaseUrl(options?.baseUrl, "fromFastify options.baseUrl");
  let ready;
  const start = () => ready ??= Promise.resolve(instance.ready()).then(
    () => void 0,
    (cause) => {
      ready = void 0;
      throw handlerError("The Fastify instance failed to start", cause);
    }
  );
  let listening;
  return {
    name: "fastify",
    baseUrl,
    send: async (wire2, context) => {
      const started = Date.now();
      await withDeadline(context, settings.timeoutMs, `${wire2.method} ${wire2.url} (waiting for the Fastify instance to be ready)`, start);
      const timeoutMs = Math.max(1, settings.timeoutMs - (Date.now() - started));
      listening ??= hasRequestListener(instance.server);
      if (!listening) return viaInject(instance, wire2, context, { ...settings, timeoutMs });
      return fromNodeHandler(instance.server, { baseUrl, timeoutMs, maxBodyBytes: settings.maxBodyBytes }).send(wire2, context);
    }
  };
}
function hasRequestListener(server) {
  return isServerLike(server) && server.listenerCount("request") > 0;
}
function viaInject(instance, wire2, context, settings) {
  return withDeadline(context, settings.timeoutMs, `${wire2.method} ${wire2.url}`, async (lazySignal) => {
    const signal = lazySignal();
    const target = new URL(wire2.url);
    let response;
    try {
      response = await instance.inject({
        method: wire2.method,
        url: `${target.pathname}${target.search}`,
        headers: recordFromPairs(outgoingHeaders(wire2, target)),
        payload: wire2.body && wire2.body.byteLength > 0 ? Buffer.from(wire2.body) : void 0,
        payloadAsStream: true
      });
    } catch (cause) {
      throw handlerError(`Fastify could not answer ${wire2.method} ${wire2.url}`, cause);
    }
    if (signal.aborted) {
      response.stream?.().destroy();
      throw signal.reason;
    }
    const stream = response.stream?.();
    const onAbort = () => {
      stream?.destroy();
    };
    signal.addEventListener("abort", onAbort, { once: true });
    try {
      return await fromInjectedResponse(stream ? { ...response, stream: () => stream } : response, settings.maxBodyBytes);
    } finally {
      signal.removeEventListener("abort", onAbort);
    }
  });
}

// src/transports/msw.ts
function isMswHandler(value) {
  return typeof value === "object" && value !== null && typeof value.run === "function" && (typeof value.kind === "string" || typeof value.info === "object");
}
function isMswServerLike(value) {
  return typeof value === "object" && value !== null && !isCatchAll(value) && typeof value.listHandlers === "function" && typeof value.resetHandlers === "function";
}
var loading;
function loadGetResponse() {
  loading ??= import("msw").then(
    (msw) => msw.getResponse,
    (cause) => {
      loading = void 0;
      throw handlerError("Cannot load msw to run the MSW handlers", cause, "Install msw (npm i -D msw) where the tests run.");
    }
  );
  return loading;
}
function fromMswHandlers(handlers, options) {
  const settings = resolveOptions(options, "fromMswHandlers", ["baseUrl", "timeoutMs", "maxBodyBytes", "onUnhandledRequest"]);
  const baseUrl = resolveBaseUrl(options?.baseUrl, "fromMswHandlers options.baseUrl");
  const unhandled = options?.onUnhandledRequest ?? "not-found";
  if (unhandled !== "not-found" && unhandled !== "error") {
    throw new InvalidArgumentError(
      "fromMswHandlers options.onUnhandledRequest",
      `expected "not-found" or "error", received ${describeValue(unhandled)}`,
      'Use "not-found" (a bare 404, the default) or "error" (fail the exchange).'
    );
  }
  const current = handlerSource(handlers);
  return {
    name: "msw",
    baseUrl,
    send: (wire2, context) => withDeadline(context, settings.timeoutMs, `${wire2.method} ${wire2.url}`, async (signal) => {
      const getResponse = await loadGetResponse();
      let response;
      try {
        response = await getResponse(current(), toPlatformRequest(wire2, signal), { baseUrl, quiet: true });
      } catch (cause) {
        if (cause instanceof TransportError) throw cause;
        throw handlerError(`An MSW handler threw for ${wire2.method} ${wire2.url}`, cause);
      }
      if (response === void 0 || isPassthrough(response)) {
        if (unhandled === "error") {
          throw new TransportError(
            "network",
            `No MSW handler answered ${wire2.method} ${wire2.url}. Add one (for a preflight: http.options(...)), or use onUnhandledRequest: "not-found".`
          );
        }
        return { status: 404, statusText: "Not Found", headers: [], body: new Uint8Array(0) };
      }
      return fromPlatformResponse(response, settings.maxBodyBytes);
    })
  };
}
function handlerSource(handlers) {
  if (isMswServerLike(handlers)) return () => requestHandlers(handlers.listHandlers());
  if (Array.isArray(handlers) && handlers.length > 0 && handlers.every(isMswHandler)) {
    const list2 = requestHandlers(handlers);
    return () => list2;
  }
  throw new InvalidArgumentError(
    "target",
    `fromMswHandlers expected a non-empty array of MSW handlers or a setupServer() instance, received ${describeValue(handlers)}`,
    'Pass the handlers you give setupServer, e.g. fromMswHandlers([http.get("/users", resolver)]).'
  );
}
function requestHandlers(list2) {
  return list2.filter((handler) => handler.kind !== "websocket");
}
function isPassthrough(response) {
  return response.status === 302 && response.headers.get("x-msw-intention") === "passthrough";
}

// src/transports/url.ts
import http2 from "node:http";
import https from "node:https";
var URL_FIX = 'Pass an absolute URL such as "http://127.0.0.1:3000" or "https://api.example".';
function fromUrl(base, options) {
  const url = parseHttpUrl(base, "target URL", URL_FIX);
  const settings = resolveOptions(options, "fromUrl", ["timeoutMs", "maxBodyBytes", "agent"]);
  const agent = options?.agent ?? false;
  if (agent !== false && !(agent instanceof http2.Agent)) {
    throw new InvalidArgumentError(
      "fromUrl options.agent",
      "expected an http.Agent or https.Agent",
      "Pass `new https.Agent({ ca })` (or `new http.Agent()`), or leave it out for one connection per request."
    );
  }
  return {
    name: `url ${url.origin}`,
    baseUrl: url.href,
    send: (wire2, context) => httpExchange(wire2, context, {
      ...settings,
      closeAfter: agent === false,
      open: (target, method, headers) => (target.protocol === "https:" ? https : http2).request(target, { method, headers: combinedRecordFromPairs(headers), agent })
    })
  };
}

// src/transports/index.ts
var ACCEPTED = 'Pass a URL ("http://127.0.0.1:3000"), an Express/Connect/Koa/Fastify/Hono app, an http.Server, a (req, res) listener, a fetch handler (request) => Response, an array of MSW handlers, or a Transport';
var ALL_KEYS = ["baseUrl", "timeoutMs", "maxBodyBytes", "agent", "onUnhandledRequest"];
function toTransport(target, options = {}) {
  resolveOptions(options, "toTransport", ALL_KEYS);
  const { baseUrl, timeoutMs, maxBodyBytes, agent, onUnhandledRequest } = options ?? {};
  const inProcess = { baseUrl, timeoutMs, maxBodyBytes };
  const notFor = (key, value, kind, fix) => {
    if (value !== void 0) {
      throw new InvalidArgumentError(`toTransport options.${key}`, `it does not apply to ${kind}`, fix);
    }
  };
  if (target === null || target === void 0) {
    throw new InvalidArgumentError("target", `received ${describeValue(target)}`, `${ACCEPTED}.`);
  }
  if (typeof target === "string" || target instanceof URL) {
    notFor("baseUrl", baseUrl, "a URL target (it is its own base)", "Leave baseUrl out, or put the base in the URL itself.");
    notFor("onUnhandledRequest", onUnhandledRequest, "a URL target", "Use it with MSW handlers only.");
    return fromUrl(target, strip({ timeoutMs, maxBodyBytes, agent }));
  }
  const notUrl = (kind) => notFor("agent", agent, kind, "An agent is only used for URL targets; leave it out.");
  const notMsw = (kind) => notFor("onUnhandledRequest", onUnhandledRequest, kind, "Use it with MSW handlers only.");
  if (isTransport(target)) {
    for (const key of ALL_KEYS) {
      if (key !== "baseUrl") {
        notFor(key, options[key], "a Transport", "Configure the Transport itself; toTransport only sets its baseUrl.");
      }
    }
    if (baseUrl === void 0) return target;
    const base = resolveBaseUrl(baseUrl, "toTransport options.baseUrl");
    return { name: target.name, baseUrl: base, send: (wire2, context) => target.send(wire2, context) };
  }
  if (Array.isArray(target) || isMswServerLike(target)) {
    notUrl("MSW handlers");
    return fromMswHandlers(target, strip({ ...inProcess, onUnhandledRequest }));
  }
  notMsw("this target");
  notUrl("an in-process target");
  if (isFastifyLike(target)) return fromFastify(target, strip(inProcess));
  if (isKoaLike(target) || isServerLike(target)) return fromNodeHandler(target, strip(inProcess));
  if (typeof target === "function") {
    const fn = target;
    if (typeof fn.handle === "function" || fn.length >= 2) return fromNodeHandler(fn, strip(inProcess));
    return fromFetchHandler(fn, strip(inProcess));
  }
  if (isFetchHandlerObject(target)) return fromFetchHandler(target, strip(inProcess));
  throw new InvalidArgumentError("target", `received ${describeValue(target)}, which is not a target corsproof knows`, `${ACCEPTED}.`);
}
function isTransport(value) {
  return typeof value === "object" && value !== null && !isCatchAll(value) && typeof value.send === "function" && typeof value.name === "string";
}
function strip(options) {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== void 0));
}

// src/matchers/run-target.ts
async function runProbes(target, input, probes, matcher) {
  const transport = toTransport(target, input.baseUrl === void 0 ? void 0 : { baseUrl: input.baseUrl });
  const middleware = detectCorsMiddleware(target) ?? void 0;
  const runs = [];
  for (const probe of probes) {
    const request = withUrl(probe.request, transport, matcher);
    const timeout = input.timeoutMs === void 0 ? {} : { timeoutMs: input.timeoutMs };
    runs.push(
      simulateEngines(request, { transport, engines: input.engines, ...timeout }).then(
        (verdicts) => verdicts.map((verdict, k) => ({ label: probe.label, engine: input.engines[k], request, verdict, ...middleware ? { middleware } : {} }))
      )
    );
  }
  return (await Promise.all(runs)).flat();
}
function withUrl(request, transport, matcher) {
  if (request.url !== void 0) return request;
  if (transport.baseUrl === void 0) {
    throw new InvalidArgumentError(
      `${matcher} request.url`,
      `it is missing and this target (${transport.name}) has no base URL to default to`,
      "Pass the URL to request, e.g. { url: 'https://api.example/items' }."
    );
  }
  return { ...request, url: transport.baseUrl };
}

// src/matchers/verdict-cell.ts
function verdictCell(result, judge6, options = {}) {
  const { verdict, engine, label } = result;
  const network = verdict.reason?.network;
  if (isTargetFailure(network)) {
    return { label, engine, holds: null, status: `the target threw (${network.name})`, notes: [targetFailureText(network)], verdict, change: null };
  }
  if (isNoAnswer(verdict) && !options.noAnswerIsEvidence) {
    return {
      label,
      engine,
      holds: null,
      status: `no answer (${verdict.reason?.code})`,
      notes: ["The server did not answer, so this says nothing about CORS."],
      verdict
    };
  }
  const j = judge6(verdict);
  const credentials = result.request.credentials ?? "same-origin";
  const because = verdict.allowed && j.because !== false ? whyAllowed(verdict, credentials) : [];
  return {
    label,
    engine,
    holds: j.holds,
    status: j.status ?? verdictStatus(verdict),
    notes: [...j.notes ?? [], ...because],
    verdict,
    change: j.change,
    ...result.middleware ? { middleware: result.middleware } : {}
  };
}
function describeRequest(result, options = {}) {
  if (!result) return "the request";
  const { request, verdict } = result;
  const url = verdict.exchanges.find((e) => e.kind !== "preflight")?.request.url ?? verdict.exchanges[0]?.request.url ?? verdict.reason?.url ?? String(request.url);
  const method = options.method === false ? "" : `${(request.method ?? "GET").toUpperCase()} `;
  const credentials = request.credentials === "include" ? " with credentials" : "";
  return `${method}${url} from ${request.origin}${credentials}`;
}
function enginesPhrase(engines) {
  return engines.length === 1 ? engines[0] : `every engine (${listNames(engines)})`;
}

// src/matchers/origin-claim.ts
function originClaim(ctx, matcher, received, origin, request) {
  const response = readResponse(received);
  const secondArgument = request === void 0 ? void 0 : "request";
  if (response === null) {
    return (async () => {
      const input2 = readRequestArgument(request, matcher);
      return onTarget(ctx, matcher, received, input2, originArgument(origin, input2, matcher), credentialsFor(matcher, input2), secondArgument);
    })();
  }
  const input = readRequestArgument(request, matcher, true);
  const page = originArgument(origin, input, matcher);
  const credentials = credentialsFor(matcher, input);
  const cells = input.engines.map((engine) => responseCell(response, page, credentials, engine, matcher));
  const what = `${credentials === "include" ? "a credentialed request" : "a request"} from ${page} read this response`;
  return finish(ctx, matcher, "response", secondArgument, `${enginesPhrase(input.engines)} to ${ctx.isNot ? "not " : ""}let ${what}`, cells);
}
async function onTarget(ctx, matcher, target, input, origin, credentials, secondArgument) {
  const results = await runProbes(target, input, [{ request: { ...input.request, origin, credentials } }], matcher);
  const cells = results.map((r) => verdictCell(r, (v) => judge(matcher, v, origin)));
  const expected = `${enginesPhrase(input.engines)} to ${ctx.isNot ? "block" : "allow"} ${describeRequest(results[0])}`;
  return finish(ctx, matcher, "target", secondArgument, expected, cells);
}
function finish(ctx, matcher, received, secondArgument, expected, cells) {
  return resultOf(ctx, { matcher, received, expectedArg: "origin", secondArgument, expected }, cells);
}
function credentialsFor(matcher, input) {
  const given = input.request.credentials;
  if (matcher === "toAllowOrigin") return given ?? "same-origin";
  if (given !== void 0 && given !== "include") {
    throw new InvalidArgumentError(
      "toAllowCredentials request.credentials",
      `it is '${given}', but toAllowCredentials always sends credentials`,
      "Drop the credentials option, or use toAllowOrigin for a request without credentials."
    );
  }
  return "include";
}
function responseCell(response, origin, credentials, engine, matcher) {
  const check = checkResponse(response, origin, credentials, engine);
  const notes = requestOriginNotes(response, origin);
  if (!check.ok) return { engine, holds: false, status: `blocked (${check.reason.code})`, notes, reason: check.reason, response };
  return {
    engine,
    holds: true,
    status: "allowed",
    notes: [...notes, whyOriginPasses(response.headers, credentials)],
    response,
    change: toBlockHeaders(matcher, response.headers, origin)
  };
}
function requestOriginNotes(response, origin) {
  if (response.requestOrigin === null) {
    return [`The request carried no Origin header, and many CORS middlewares answer without CORS headers then: send it, e.g. .set('Origin', '${origin}').`];
  }
  if (response.requestOrigin !== void 0 && response.requestOrigin !== origin) {
    return [`The request was sent with Origin: ${response.requestOrigin}, but the check is for ${origin}.`];
  }
  return [];
}
function judge(matcher, verdict, origin) {
  const type = verdict.response?.type;
  if (verdict.allowed && (type === "opaque" || type === "opaqueredirect")) {
    const why = type === "opaque" ? "With mode 'no-cors' the fetch resolves with an opaque response: status 0, no headers, no body, whatever the server sends. Use mode 'cors' to test the server's CORS headers." : "With redirect 'manual' a redirect resolves as an opaqueredirect response: status 0, no headers, no body. Use redirect 'follow' to test the final response.";
    return { holds: false, status: `allowed, ${type} response: script cannot read it`, notes: [why], because: false };
  }
  return { holds: verdict.allowed, change: verdict.allowed ? toBlock(matcher, verdict, origin) : void 0 };
}
function toBlock(matcher, verdict, origin) {
  if (verdict.response?.type === "basic") return { label: "To block it", text: "Nothing on the server can: the URL is same-origin with the page. Test with another origin." };
  const last = [...verdict.exchanges].reverse().find((e) => e.kind !== "preflight" && e.response);
  return last?.response ? toBlockHeaders(matcher, last.response.headers, origin) : void 0;
}
function toBlockHeaders(matcher, headers, origin) {
  const allowOrigin = getHeader(headers, "access-control-allow-origin");
  if (matcher === "toAllowCredentials") {
    return { label: "To block it", text: `Stop sending 'Access-Control-Allow-Credentials: true' with 'Access-Control-Allow-Origin: ${allowOrigin}' to ${origin}: echo only origins on an exact allow-list.` };
  }
  if (allowOrigin === "*") return { label: "To block it", text: "Replace 'Access-Control-Allow-Origin: *' with an exact allow-list of origins, echoed one at a time." };
  return { label: "To block it", text: `Stop sending 'Access-Control-Allow-Origin: ${allowOrigin}' to ${origin}: compare the Origin header with an exact allow-list before echoing it.` };
}

// src/matchers/to-allow-credentials.ts
function toAllowCredentials(received, origin, request) {
  return originClaim(this, "toAllowCredentials", received, origin, request);
}

// src/matchers/target-only.ts
function requireTarget(received, matcher) {
  const response = readResponse(received);
  if (response === null) return;
  throw new InvalidArgumentError(
    `expect(response).${matcher}`,
    `${matcher} sends its own requests, so it needs a target, not a received response (got a ${response.kind})`,
    `Pass the app, server, handler or URL instead: await expect(app).${matcher}(...). On a response, use toAllowOrigin, toAllowCredentials or toExposeHeaders.`
  );
}

// src/matchers/to-allow-headers.ts
var MATCHER = "toAllowHeaders";
function placeholderValue(lowerName) {
  if (lowerName === "content-type") return "application/json";
  return isCorsSafelistedRequestHeader(lowerName, "corsproof") ? "{corsproof}" : "corsproof";
}
async function toAllowHeaders(received, headers, request) {
  requireTarget(received, MATCHER);
  const list2 = readHeaders(headers);
  const input = readRequestArgument(request, MATCHER);
  const origin = requireOrigin(input, MATCHER);
  const base = headerPairs(input.request.headers);
  const probes = list2.map(([name, value]) => ({ label: name, request: { ...input.request, origin, headers: [...base, [name, value]] } }));
  const results = await runProbes(received, input, probes, MATCHER);
  const cells = results.map((r) => verdictCell(r, (v) => ({ holds: v.allowed, change: v.allowed ? toBlock2(r.label ?? "", v) : void 0 })));
  const names = list2.map(([n]) => n);
  const expected = `${enginesPhrase(input.engines)} to ${this.isNot ? "block" : "allow"} request header${names.length > 1 ? "s" : ""} ${listNames(names)} on ${describeRequest(results[0])}`;
  return resultOf(this, { matcher: MATCHER, received: "target", expectedArg: "headers", secondArgument: "request", expected }, cells);
}
function readHeaders(value) {
  let entries;
  if (typeof value === "string") entries = [[value, void 0]];
  else if (Array.isArray(value)) entries = value.map((n) => [n, void 0]);
  else if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) entries = Object.entries(value);
  else entries = [];
  if (entries.length === 0) {
    throw new InvalidArgumentError(`${MATCHER} headers`, `expected a header name, an array of names or a { name: value } record, got ${describe(value)}`, "Pass e.g. ['authorization', 'x-csrf-token'] or { 'content-type': 'application/json' }.");
  }
  const out = [];
  for (const [name, given] of entries) {
    if (typeof name !== "string" || !isHeaderName(name)) {
      throw new InvalidArgumentError(`${MATCHER} headers`, `${describe(name)} is not a header name`, "Header names are HTTP tokens, e.g. x-csrf-token.");
    }
    if (given !== void 0 && typeof given !== "string") {
      throw new InvalidArgumentError(`${MATCHER} headers`, `the value of ${name} is ${describe(given)}`, "Give header values as strings.");
    }
    const lower = name.toLowerCase();
    const headerValue = given ?? placeholderValue(lower);
    if (isForbiddenRequestHeader(lower, headerValue)) {
      throw new InvalidArgumentError(`${MATCHER} headers`, `${name} is a forbidden request header: browsers never let script set it, so no server can allow it`, "Test headers script can set, e.g. authorization or x-csrf-token.");
    }
    if (!out.some(([n]) => n.toLowerCase() === lower)) out.push([lower, headerValue]);
  }
  return out;
}
function headerPairs(headers) {
  if (headers === void 0 || headers === null) return [];
  if (isHeadersLike(headers)) {
    const pairs2 = [];
    headers.forEach((value, name) => pairs2.push([name, value]));
    return pairs2;
  }
  if (Symbol.iterator in Object(headers)) return [...headers].map(([n, v]) => [n, v]);
  return Object.entries(headers);
}
function toBlock2(name, verdict) {
  const preflight = verdict.exchanges.find((e) => e.kind === "preflight");
  const asked = preflight?.request.headers.find(([n]) => n.toLowerCase() === "access-control-request-headers")?.[1] ?? "";
  if (!asked.split(",").some((n) => n.trim() === name)) {
    return { label: "To block it", text: `${name} with this value is a CORS-safelisted request header, sent without a preflight: the server cannot refuse it by CORS.` };
  }
  return { label: "To block it", text: `Leave ${name} out of Access-Control-Allow-Headers on the preflight response (and do not answer '*' or echo Access-Control-Request-Headers).` };
}

// src/matchers/to-allow-methods.ts
var MATCHER2 = "toAllowMethods";
async function toAllowMethods(received, methods, request) {
  requireTarget(received, MATCHER2);
  const list2 = readMethods(methods);
  const input = readRequestArgument(request, MATCHER2);
  if (input.request.method !== void 0) {
    throw new InvalidArgumentError(`${MATCHER2} request.method`, "the methods to test are the first argument", `Drop method from the request: ${MATCHER2}(['${input.request.method}'], { ... }).`);
  }
  const origin = requireOrigin(input, MATCHER2);
  const results = await runProbes(received, input, list2.map((method) => ({ label: method, request: { ...input.request, origin, method } })), MATCHER2);
  const cells = results.map((r) => verdictCell(r, (v) => ({ holds: v.allowed, change: v.allowed ? toBlock3(r.label ?? "", v) : void 0 })));
  const expected = `${enginesPhrase(input.engines)} to ${this.isNot ? "block" : "allow"} ${listNames(list2)} on ${describeRequest(results[0], { method: false })}`;
  return resultOf(this, { matcher: MATCHER2, received: "target", expectedArg: "methods", secondArgument: "request", expected }, cells);
}
function readMethods(value) {
  const list2 = typeof value === "string" ? [value] : Array.isArray(value) ? value : null;
  if (list2 === null || list2.length === 0) {
    throw new InvalidArgumentError(`${MATCHER2} methods`, `expected a method or a non-empty array of methods, got ${describe(value)}`, "Pass e.g. ['PUT', 'DELETE'].");
  }
  const out = [];
  for (const m2 of list2) {
    if (typeof m2 !== "string" || !isMethod(m2)) {
      throw new InvalidArgumentError(`${MATCHER2} methods`, `${describe(m2)} is not an HTTP method`, "Pass method names such as 'PATCH'.");
    }
    const normalized = normalizeMethod(m2);
    if (!out.includes(normalized)) out.push(normalized);
  }
  return out;
}
function toBlock3(method, verdict) {
  const preflighted = verdict.exchanges.some((e) => e.kind === "preflight");
  if (!preflighted && isCorsSafelistedMethod(method)) {
    return { label: "To block it", text: `${method} is a CORS-safelisted method, sent without a preflight: only the response's Access-Control-Allow-Origin can keep script from reading it.` };
  }
  return { label: "To block it", text: `Leave ${method} out of Access-Control-Allow-Methods on the preflight response (and do not answer '*').` };
}

// src/matchers/to-allow-origin.ts
function toAllowOrigin(received, origin, request) {
  return originClaim(this, "toAllowOrigin", received, origin, request);
}

// src/matchers/reason-codes.ts
var CODES = {
  DisallowedByMode: true,
  WildcardOriginNotAllowed: true,
  MissingAllowOriginHeader: true,
  MultipleAllowOriginValues: true,
  InvalidAllowOriginValue: true,
  AllowOriginMismatch: true,
  InvalidAllowCredentials: true,
  PreflightInvalidStatus: true,
  PreflightDisallowedRedirect: true,
  PreflightWildcardOriginNotAllowed: true,
  PreflightMissingAllowOriginHeader: true,
  PreflightMultipleAllowOriginValues: true,
  PreflightInvalidAllowOriginValue: true,
  PreflightAllowOriginMismatch: true,
  PreflightInvalidAllowCredentials: true,
  InvalidAllowMethodsPreflightResponse: true,
  InvalidAllowHeadersPreflightResponse: true,
  MethodDisallowedByPreflightResponse: true,
  HeaderDisallowedByPreflightResponse: true,
  RedirectContainsCredentials: true,
  UnexpectedRedirect: true,
  TooManyRedirects: true,
  ForbiddenMethod: true,
  MethodNotAllowedInNoCors: true,
  NetworkError: true,
  Timeout: true
};
var REASON_CODES = Object.keys(CODES);
function isReasonCode(value) {
  return typeof value === "string" && Object.hasOwn(CODES, value);
}

// src/matchers/to-be-blocked-by-cors.ts
var MATCHER3 = "toBeBlockedByCors";
async function toBeBlockedByCors(received, codeOrRequest, request) {
  requireTarget(received, MATCHER3);
  const { code, requestArg } = readArguments(codeOrRequest, request);
  const input = readRequestArgument(requestArg, MATCHER3);
  const origin = requireOrigin(input, MATCHER3);
  const results = await runProbes(received, input, [{ request: { ...input.request, origin } }], MATCHER3);
  const noAnswerIsEvidence = code === "NetworkError" || code === "Timeout";
  const cells = results.map((r) => verdictCell(r, (v) => judge2(v, code, origin), { noAnswerIsEvidence }));
  const what = `${describeRequest(results[0])}${code ? ` for ${code}` : ""}`;
  const expected = `${enginesPhrase(input.engines)} to ${this.isNot ? code ? "not block" : "allow" : "block"} ${what}`;
  return resultOf(this, { matcher: MATCHER3, received: "target", expectedArg: code ? "code" : "request", secondArgument: code ? "request" : void 0, expected }, cells);
}
function judge2(verdict, code, origin) {
  if (verdict.allowed) return { holds: false, change: toBlock("toAllowOrigin", verdict, origin) };
  const actual = verdict.reason?.code;
  if (code === void 0 || actual === code) return { holds: true };
  return { holds: false, notes: [`Blocked, but for ${actual}, not ${code}.`], change: null };
}
function readArguments(first, second) {
  if (typeof first === "string") {
    if (!isReasonCode(first)) {
      const close = REASON_CODES.find((c) => c.toLowerCase() === first.toLowerCase());
      throw new InvalidArgumentError(
        `${MATCHER3} code`,
        `'${first}' is not a reason code`,
        close ? `Did you mean '${close}'?` : `Use one of: ${REASON_CODES.join(", ")}.`
      );
    }
    return { code: first, requestArg: second };
  }
  if (first === void 0) return { requestArg: second };
  if (second !== void 0) {
    throw new InvalidArgumentError(`${MATCHER3} code`, `expected a reason code string, got ${describe(first)}`, `Call ${MATCHER3}(request) or ${MATCHER3}('AllowOriginMismatch', request).`);
  }
  return { requestArg: first };
}

// src/matchers/to-expose-headers.ts
var MATCHER4 = "toExposeHeaders";
function toExposeHeaders(received, names, request) {
  const response = readResponse(received);
  const message2 = { matcher: MATCHER4, expectedArg: "names", secondArgument: request === void 0 ? void 0 : "request" };
  if (response === null) {
    return (async () => onTarget2(this, received, readNames(names), readRequestArgument(request, MATCHER4), message2))();
  }
  const list2 = readNames(names);
  const input = readRequestArgument(request, MATCHER4, true);
  const origin = requireOrigin(input, MATCHER4, response.requestOrigin);
  const credentials = input.request.credentials ?? "same-origin";
  const cells = input.engines.flatMap((engine) => responseCells(response, list2, origin, credentials, engine));
  const expected = `${enginesPhrase(input.engines)} to ${this.isNot ? "hide" : "expose"} ${listNames(list2)} to script on ${origin}${credentials === "include" ? " (with credentials)" : ""}`;
  return resultOf(this, { ...message2, received: "response", expected }, cells);
}
async function onTarget2(ctx, target, list2, input, message2) {
  const origin = requireOrigin(input, MATCHER4);
  const results = await runProbes(target, input, [{ request: { ...input.request, origin } }], MATCHER4);
  const credentials = input.request.credentials ?? "same-origin";
  const cells = results.flatMap((r) => list2.map((name) => verdictCell({ ...r, label: name }, (v) => judge3(v, name, credentials))));
  const expected = `${enginesPhrase(input.engines)} to ${ctx.isNot ? "hide" : "expose"} ${listNames(list2)} on ${describeRequest(results[0])}`;
  return resultOf(ctx, { ...message2, received: "target", expected }, cells);
}
function judge3(verdict, name, credentials) {
  if (!verdict.allowed || !verdict.response) return { holds: false };
  const readable = Object.hasOwn(verdict.response.headers, name);
  const last = [...verdict.exchanges].reverse().find((e) => e.kind !== "preflight" && e.response);
  const status = readable ? "readable" : "not readable";
  if (verdict.response.type === "opaque" || verdict.response.type === "opaqueredirect") {
    const text = "Make the request with mode 'cors' and redirect 'follow' (the defaults): script reads no headers from an opaque response.";
    return { holds: false, status, notes: ["The response is opaque: script reads no headers at all."], change: { label: "Fix", text }, because: false };
  }
  const headers = last?.response?.headers ?? [];
  const why = verdict.response.type === "cors" ? headerReadability(headers, name, credentials) : sameOriginReadability(name, readable);
  return { holds: readable, status, notes: [describeReadability(name, why)], change: change(name, readable, why), because: false };
}
function sameOriginReadability(name, readable) {
  if (readable) return { readable: true, why: "same-origin" };
  return isForbiddenResponseHeaderName(name) ? { readable: false, why: "forbidden" } : { readable: false, why: "absent" };
}
function responseCells(response, names, origin, credentials, engine) {
  const check = checkResponse(response, origin, credentials, engine);
  return names.map((name) => {
    if (!check.ok) return { label: name, engine, holds: false, status: `blocked (${check.reason.code})`, reason: check.reason, response };
    const why = headerReadability(response.headers, name, credentials);
    return {
      label: name,
      engine,
      holds: why.readable,
      status: why.readable ? "readable" : "not readable",
      notes: [describeReadability(name, why)],
      response,
      change: change(name, why.readable, why)
    };
  });
}
function change(name, readable, why) {
  if (readable) {
    if (why.why === "same-origin") return { label: "To hide it", text: "Nothing on the server can: the URL is same-origin with the page. Test with another origin." };
    if (why.why === "safelisted") return { label: "To hide it", text: `Nothing can hide ${name} from script but not sending it.` };
    if (why.why === "wildcard") return { label: "To hide it", text: `Replace 'Access-Control-Expose-Headers: *' with the names script may read, without ${name}.` };
    return { label: "To hide it", text: `Leave ${name} out of Access-Control-Expose-Headers.` };
  }
  switch (why.why) {
    case "absent":
      return { label: "Fix", text: `Send ${name} on this response, and list it in Access-Control-Expose-Headers.` };
    case "forbidden":
      return { label: "Fix", text: `None: browsers never expose ${name}; send the data in another header or the body.` };
    case "wildcard-with-credentials":
      return { label: "Fix", text: `List ${name} by name in Access-Control-Expose-Headers: '*' does not cover requests with credentials.` };
    default:
      return { label: "Fix", text: `Add 'Access-Control-Expose-Headers: ${name}' to the response (comma-separate several names).` };
  }
}
function readNames(value) {
  const list2 = typeof value === "string" ? [value] : Array.isArray(value) ? value : null;
  if (list2 === null || list2.length === 0) {
    throw new InvalidArgumentError(`${MATCHER4} names`, `expected a header name or a non-empty array of names, got ${describe(value)}`, "Pass e.g. ['x-total-count', 'etag'].");
  }
  const out = [];
  for (const name of list2) {
    if (typeof name !== "string" || !isHeaderName(name)) {
      throw new InvalidArgumentError(`${MATCHER4} names`, `${describe(name)} is not a header name`, "Header names are HTTP tokens, e.g. x-total-count.");
    }
    const lower = name.toLowerCase();
    if (!out.includes(lower)) out.push(lower);
  }
  return out;
}

// src/openapi/document.ts
import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
var METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
async function loadOpenApiDocument(file, argument = "openapi") {
  const path = resolve(file);
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = error.code;
    throw new InvalidArgumentError(argument, code === "ENOENT" ? `'${file}' does not exist` : `'${file}' could not be read (${code ?? String(error)})`, "Pass the path of an OpenAPI 3 document (.yaml, .yml or .json).");
  }
  return parseOpenApiText(text, file, extname(path).toLowerCase() === ".json" ? "json" : "yaml", argument);
}
function parseOpenApiText(text, source2, format, argument = "openapi") {
  let value;
  try {
    value = format === "json" ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    throw new InvalidArgumentError(argument, `'${source2}' is not valid ${format === "json" ? "JSON" : "YAML"} (${detail})`, "Fix the document; `npx @redocly/cli lint` points at the line.");
  }
  return checkDocument(value, source2, argument);
}
function checkDocument(value, source2, argument = "openapi") {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InvalidArgumentError(argument, `'${source2}' is not an OpenAPI document (expected an object at the top)`, "Pass an OpenAPI 3 document.");
  }
  const doc = value;
  if (typeof doc.openapi !== "string" || !/^3\.\d+(\.\d+)?/.test(doc.openapi)) {
    const swagger = typeof doc.swagger === "string" ? ` (it is Swagger ${doc.swagger})` : "";
    throw new InvalidArgumentError(argument, `'${source2}' is not an OpenAPI 3 document: its 'openapi' field is ${JSON.stringify(doc.openapi) ?? "missing"}${swagger}`, "Convert it to OpenAPI 3 (e.g. with swagger2openapi), or pass the routes option instead.");
  }
  if (doc.paths === null || typeof doc.paths !== "object" || Array.isArray(doc.paths)) {
    throw new InvalidArgumentError(argument, `'${source2}' has no 'paths' object`, "An OpenAPI document lists its operations under paths.");
  }
  return doc;
}
function openApiRoutes(doc) {
  const routes = [];
  const missingExamples = [];
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    if (!path.startsWith("/")) continue;
    const item = deref(doc, rawItem);
    if (item === null || typeof item !== "object") continue;
    const record = item;
    const methods = METHODS.filter((m2) => record[m2] && typeof record[m2] === "object").map((m2) => m2.toUpperCase());
    if (methods.length === 0) continue;
    const examples = {};
    const params = [...asArray(record.parameters), ...METHODS.flatMap((m2) => asArray(deref(doc, record[m2])?.parameters))];
    for (const raw of params) {
      const p = deref(doc, raw);
      if (!p || p.in !== "path" || typeof p.name !== "string" || examples[p.name] !== void 0) continue;
      const example = exampleOf(doc, p);
      if (example !== void 0) examples[p.name] = example;
    }
    for (const [, name] of path.matchAll(/\{([^{}]+)\}/g)) if (examples[name] === void 0) missingExamples.push({ path, param: name });
    routes.push({ path, methods, source: "openapi", examples });
  }
  return { basePath: serverBasePath(doc), routes, missingExamples };
}
function exampleOf(doc, p) {
  const schema = deref(doc, p.schema);
  const firstExample = p.examples && typeof p.examples === "object" ? Object.values(p.examples).map((e) => deref(doc, e)?.value).find((v) => v !== void 0) : void 0;
  const candidates = [p.example, firstExample, schema?.example, Array.isArray(schema?.examples) ? schema.examples[0] : void 0, schema?.default, Array.isArray(schema?.enum) ? schema.enum[0] : void 0];
  const found = candidates.find((c) => c !== void 0 && c !== null && (typeof c === "string" || typeof c === "number" || typeof c === "boolean"));
  return found === void 0 ? void 0 : String(found);
}
function serverBasePath(doc) {
  const first = asArray(doc.servers)[0];
  if (!first || typeof first.url !== "string") return "";
  const url = first.url.replace(/\{([^{}]+)\}/g, (_, name) => String(first.variables?.[name]?.default ?? ""));
  try {
    return new URL(url, "http://corsproof.invalid").pathname.replace(/\/+$/, "");
  } catch {
    return "";
  }
}
function deref(doc, value, depth = 0) {
  if (value === null || typeof value !== "object" || depth > 20) return value;
  const ref = value.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return value;
  let node = doc;
  for (const part of ref.slice(2).split("/")) {
    const key = part.replace(/~1/g, "/").replace(/~0/g, "~");
    node = node !== null && typeof node === "object" ? node[key] : void 0;
  }
  return deref(doc, node, depth + 1);
}
function asArray(value) {
  return Array.isArray(value) ? value : [];
}

// src/routes/types.ts
function addRoute(into, input) {
  const route = input.path.startsWith("/") ? input : { ...input, path: `/${input.path}` };
  const existing = into.find((r) => r.path === route.path);
  if (!existing) {
    into.push({ ...route, methods: [...new Set(route.methods)] });
    return;
  }
  if (existing.methods.length === 0) return;
  if (route.methods.length === 0) existing.methods = [];
  else for (const m2 of route.methods) if (!existing.methods.includes(m2)) existing.methods.push(m2);
}
function joinPaths(prefix2, path) {
  const a = prefix2.replace(/\/+$/, "");
  const b = path === "" || path === "/" ? "" : path.startsWith("/") ? path : `/${path}`;
  return `${a}${b}` || "/";
}

// src/routes/express.ts
function expressStack(target) {
  if (typeof target !== "function" && (typeof target !== "object" || target === null)) return null;
  const t2 = target;
  if (typeof t2.handle !== "function" || typeof t2.use !== "function") return null;
  const four = Object.hasOwn(t2, "_router") ? t2._router : void 0;
  const five = !four && (typeof t2.router === "object" || typeof t2.router === "function") && t2.router !== null ? t2.router : void 0;
  const stack = four?.stack ?? five?.stack ?? t2.stack;
  return Array.isArray(stack) ? stack : null;
}
function expressRoutes(stack) {
  const routes = [];
  const skipped = [];
  walk(stack, "", routes, skipped);
  return { routes, skipped };
}
function walk(stack, prefix2, routes, skipped) {
  for (const layer of stack) {
    if (typeof layer.route === "string") {
      const inner2 = layer.handle?.stack;
      if (Array.isArray(inner2)) walk(inner2, joinPaths(prefix2, layer.route), routes, skipped);
      else addRoute(routes, { path: joinPaths(prefix2, layer.route), methods: [], source: "express" });
      continue;
    }
    if (layer.route) {
      const methods = Object.entries(layer.route.methods).filter(([m2, on]) => on && m2 !== "_all").map(([m2]) => m2.toUpperCase());
      const all = layer.route.methods._all === true || methods.length >= 20;
      for (const path of asPaths(layer.route.path)) {
        if (typeof path !== "string") {
          skipped.push({ path: `${prefix2}${String(path)}`, why: "a RegExp route: pass its URL in the routes option" });
          continue;
        }
        addRoute(routes, { path: joinPaths(prefix2, path), methods: all ? [] : methods, source: "express" });
      }
      continue;
    }
    const inner = layer.handle?.stack;
    if (!Array.isArray(inner)) continue;
    const mounts = mountPaths(layer);
    if (mounts === null) {
      skipped.push({ path: `${prefix2}${String(layer.regexp ?? layer.rawPath)}`, why: "a router mounted on a path corsproof cannot read back: pass its routes in the routes option" });
      continue;
    }
    for (const mount of mounts) walk(inner, joinPaths(prefix2, mount), routes, skipped);
  }
}
function asPaths(path) {
  return Array.isArray(path) ? path.flat(Infinity) : [path];
}
function mountPaths(layer) {
  if (layer.rawPath !== void 0) {
    const paths = asPaths(layer.rawPath);
    return paths.every((p) => typeof p === "string") ? paths : null;
  }
  if (layer.slash || layer.regexp?.fast_slash) return [""];
  if (!layer.regexp) return null;
  const keys = [...layer.keys ?? []];
  const out = [];
  for (const alternative of layer.regexp.source.split("|^")) {
    let source2 = alternative.replace(/^\^/, "").replace(/\\\/\?\(\?=\\\/\|\$\)$/, "");
    source2 = source2.replace(/\(\?:\\\/\(\[\^\/\]\+\?\)\)(\?)?/g, (_, optional) => `/:${String(keys.shift()?.name ?? "param")}${optional ?? ""}`);
    source2 = source2.replace(/\\([/.\-])/g, "$1");
    if (/[\\^$()[\]|+*]/.test(source2)) return null;
    out.push(source2);
  }
  return out;
}

// src/routes/fastify.ts
function isFastifyWithRoutes(target) {
  const t2 = target;
  return typeof t2 === "object" && t2 !== null && typeof t2.printRoutes === "function" && typeof t2.hasRoute === "function" && typeof t2.ready === "function";
}
async function fastifyRoutes(app2) {
  await app2.ready();
  const routes = [];
  const stack = [];
  for (const line of app2.printRoutes().split("\n")) {
    const match = /^((?:[│ ] {3})*)(?:[├└]── )(.*)$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    const node = /^(.*?)(?: \(([A-Z, ]+)\))?(?: \{.*\})?$/.exec(match[2]);
    if (!node) continue;
    stack.length = depth;
    stack.push(node[1] === "(empty root node)" ? "" : node[1]);
    if (!node[2]) continue;
    const path = stack.join("");
    const methods = node[2].split(",").map((m2) => m2.trim()).filter((m2) => m2 && app2.hasRoute({ method: m2, url: path }));
    if (methods.length === 0 || methods.every((m2) => m2 === "OPTIONS")) continue;
    addRoute(routes, { path: path.startsWith("/") ? path : `/${path}`, methods, source: "fastify" });
  }
  return { routes, skipped: [] };
}

// src/routes/hono.ts
function honoRouteTable(target) {
  const t2 = target;
  if (typeof t2 !== "object" || t2 === null || typeof t2.fetch !== "function" || typeof t2.request !== "function" || !Array.isArray(t2.routes)) return null;
  return t2.routes;
}
function honoRoutes(table) {
  const routes = [];
  for (const entry of table) {
    const all = entry.method === "ALL";
    if (all && typeof entry.handler === "function" && entry.handler.length >= 2) continue;
    addRoute(routes, { path: entry.path, methods: all ? [] : [entry.method.toUpperCase()], source: "hono" });
  }
  return { routes, skipped: [] };
}

// src/routes/koa.ts
function koaRouters(target) {
  if (typeof target !== "object" || target === null) return null;
  if (isRouter(target)) return [target];
  const middleware = target.middleware;
  if (!Array.isArray(middleware) || typeof target.callback !== "function") return null;
  return middleware.map((m2) => m2.router).filter(isRouter);
}
function isRouter(value) {
  return typeof value === "object" && value !== null && Array.isArray(value.stack) && typeof value.routes === "function";
}
function koaRoutes(routers) {
  const routes = [];
  const skipped = [];
  for (const router of routers) {
    for (const layer of router.stack) {
      if (!Array.isArray(layer.methods) || layer.methods.length === 0) continue;
      if (typeof layer.path !== "string") {
        skipped.push({ path: String(layer.path), why: "a RegExp route: pass its URL in the routes option" });
        continue;
      }
      addRoute(routes, { path: layer.path || "/", methods: layer.methods.map((m2) => m2.toUpperCase()), source: "koa" });
    }
  }
  return { routes, skipped };
}

// src/routes/fill.ts
var DEFAULT_PARAM = "1";
var WILDCARD_SEGMENT = "corsproof";
function fillTemplate(template, params, examples = {}) {
  const used = {};
  const valueOf = (name, constraint) => {
    let value = params[name] ?? examples[name] ?? DEFAULT_PARAM;
    if (params[name] === void 0 && examples[name] === void 0 && constraint && !safeTest(constraint, value)) value = WILDCARD_SEGMENT;
    used[name] = value;
    return encodeURIComponent(value);
  };
  let path = template.replace(/\{[^{}]*[:*][^{}]*\}/g, "").replace(/\{([A-Za-z_$][\w$.-]*)\}/g, (_, name) => valueOf(name)).replace(/\*[A-Za-z_$][\w$]*|\*/g, () => WILDCARD_SEGMENT).replace(/:([A-Za-z_$][\w$]*)(?:\{((?:[^{}]|\{[^{}]*\})*)\}|\(((?:[^()]|\([^()]*\))*)\))?\??/g, (_, name, hono, paren) => valueOf(name, hono ?? paren));
  path = path.replace(/\/{2,}/g, "/");
  if (path.length > 1 && path.endsWith("/") && !template.endsWith("/")) path = path.slice(0, -1);
  return { path: path || "/", params: used };
}
function safeTest(source2, value) {
  try {
    return new RegExp(`^(?:${source2})$`).test(value);
  } catch {
    return true;
  }
}

// src/routes/index.ts
async function discoverRoutes(target, options = {}) {
  const argument = options.argument ?? "options";
  if (options.routes !== void 0) return { routes: readRouteOption(options.routes, `${argument}.routes`), skipped: [], from: "given in the routes option" };
  if (options.openapi !== void 0) {
    const doc = typeof options.openapi === "string" ? await loadOpenApiDocument(options.openapi, `${argument}.openapi`) : checkDocument(options.openapi, "the document", `${argument}.openapi`);
    const read = openApiRoutes(doc);
    const routes2 = read.routes.map((r) => ({ ...r, path: joinPaths(read.basePath, r.path) }));
    return { routes: routes2, skipped: [], from: "read from the OpenAPI document" };
  }
  const listener = serverListener(target);
  if (listener) return discoverRoutes(listener, options);
  const stack = expressStack(target);
  if (stack) return { ...expressRoutes(stack), from: "read from the Express router" };
  const koa = koaRouters(target);
  if (koa && koa.length) return { ...koaRoutes(koa), from: "read from the Koa router" };
  if (isFastifyWithRoutes(target)) return { ...await fastifyRoutes(target), from: "read from the Fastify router" };
  const hono = honoRouteTable(target);
  if (hono) return { ...honoRoutes(hono), from: "read from the Hono router" };
  const routes = [];
  addRoute(routes, { path: "/", methods: [], source: "policy" });
  for (const path of options.fallbackPaths ?? []) addRoute(routes, { path, methods: [], source: "policy" });
  return { routes, skipped: [], from: "the base URL and the policy's route keys: this target has no router to read, pass routes or openapi to probe more" };
}
function serverListener(target) {
  const server = target;
  if (typeof server !== "object" || server === null || typeof server.listeners !== "function" || typeof server.listen !== "function") return null;
  const [first] = server.listeners("request");
  return typeof first === "function" ? first : null;
}
function readRouteOption(value, argument) {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidArgumentError(argument, "expected a non-empty array of paths", "Pass e.g. ['/items', '/items/:id'] or [{ path: '/items', methods: ['GET', 'POST'] }].");
  }
  const routes = [];
  value.forEach((entry, i) => {
    const path = typeof entry === "string" ? entry : entry?.path;
    const methods = typeof entry === "string" ? [] : entry.methods ?? [];
    if (typeof path !== "string" || !path.startsWith("/")) {
      throw new InvalidArgumentError(`${argument}[${i}]`, "expected a path starting with /", "Pass e.g. '/items/:id'.");
    }
    if (!Array.isArray(methods) || methods.some((m2) => typeof m2 !== "string")) {
      throw new InvalidArgumentError(`${argument}[${i}].methods`, "expected an array of method names", "Pass e.g. ['GET', 'PUT'].");
    }
    addRoute(routes, { path, methods: methods.map((m2) => m2.toUpperCase()), source: "option" });
  });
  return routes;
}

// src/policy/hold-actual.ts
var HELD_STATUS_TEXT = "not sent (judged by its preflight)";
function holdActualRequests(transport) {
  return {
    name: transport.name,
    baseUrl: transport.baseUrl,
    send(wire2, context) {
      if (wire2.method === "OPTIONS") return transport.send(wire2, context);
      const origin = wire2.headers.find(([name]) => name.toLowerCase() === "origin")?.[1] ?? "*";
      const held = {
        status: 200,
        statusText: HELD_STATUS_TEXT,
        headers: [
          ["access-control-allow-origin", origin],
          ["access-control-allow-credentials", "true"]
        ],
        body: new Uint8Array(0)
      };
      return Promise.resolve(held);
    }
  };
}
function isHeldResponse(response) {
  return response?.statusText === HELD_STATUS_TEXT;
}

// src/policy/origin-rules.ts
var LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
var PATTERN_LABEL = /^[a-z0-9-]+$/;
var PATTERN_EXAMPLE_LABEL = "corsproof-probe";
function parseOriginRules(value, argument) {
  if (value === "*") return { any: true };
  const list2 = Array.isArray(value) ? value : [value];
  if (value === void 0 || value === null) {
    throw new InvalidArgumentError(argument, "it is missing", "List the page origins that may call the API, e.g. origins: ['https://app.example'], or '*' for any origin.");
  }
  const rules = [];
  list2.forEach((entry, i) => {
    const where = Array.isArray(value) ? `${argument}[${i}]` : argument;
    if (entry === "*") {
      throw new InvalidArgumentError(where, "'*' must be the whole origins value, not one entry of a list", "Write origins: '*' for any origin, or list origins without '*'.");
    }
    const rule = parseOriginEntry(entry, where);
    if (!rules.some((r) => sameRule(r, rule))) rules.push(rule);
  });
  return { any: false, rules };
}
function sameRule(a, b) {
  if (a.kind === "exact" && b.kind === "exact") return a.origin === b.origin;
  if (a.kind === "pattern" && b.kind === "pattern") return a.source === b.source;
  return false;
}
function parseOriginEntry(entry, argument) {
  if (typeof entry === "function") return { kind: "predicate", match: entry, examples: [], description: describePredicate(entry) };
  if (entry instanceof RegExp) {
    throw new InvalidArgumentError(
      argument,
      `${String(entry)} is a RegExp, and regular expressions are where CORS mistakes live (an unescaped dot, a missing ^ or $)`,
      "Write a pattern such as 'https://*.app.example' (* is one DNS label), or a predicate (origin) => boolean."
    );
  }
  if (entry !== null && typeof entry === "object" && typeof entry.match === "function") {
    const m2 = entry;
    const unknown = Object.keys(m2).filter((k) => !["match", "examples", "description"].includes(k));
    if (unknown.length) throw new InvalidArgumentError(`${argument}.${unknown[0]}`, "unknown option", "A predicate origin takes match, examples and description.");
    const examples = m2.examples === void 0 ? [] : readExamples(m2.examples, `${argument}.examples`);
    examples.forEach((origin, i) => {
      if (!safeCall(m2.match, origin)) {
        throw new InvalidArgumentError(`${argument}.examples[${i}]`, `the predicate refuses its own example '${origin}'`, "Give examples of origins the predicate allows.");
      }
    });
    if (m2.description !== void 0 && typeof m2.description !== "string") {
      throw new InvalidArgumentError(`${argument}.description`, "expected a string", "Pass e.g. description: 'tenant origins'.");
    }
    return { kind: "predicate", match: m2.match, examples, description: m2.description ?? describePredicate(m2.match) };
  }
  if (typeof entry !== "string") {
    throw new InvalidArgumentError(argument, `expected an origin, a pattern or a predicate, got ${describeValue2(entry)}`, "Pass e.g. 'https://app.example', 'https://*.preview.app.example' or (origin) => boolean.");
  }
  if (entry === "null") {
    throw new InvalidArgumentError(
      argument,
      "'null' is the origin of sandboxed iframes, data: URLs and file: pages: any site can make a request from it",
      "Leave it out; serve the page from an http(s) origin and list that one."
    );
  }
  if (entry.includes("*")) return parsePattern(entry, argument);
  return { kind: "exact", origin: parseOrigin(entry, argument) };
}
function readExamples(value, argument) {
  if (!Array.isArray(value)) throw new InvalidArgumentError(argument, `expected an array of origins, got ${describeValue2(value)}`, "Pass e.g. examples: ['https://tenant-1.app.example'].");
  return value.map((v, i) => parseOrigin(v, `${argument}[${i}]`)).filter((o, i, all) => all.indexOf(o) === i);
}
function parsePattern(source2, argument) {
  const fail = (problem) => {
    throw new InvalidArgumentError(argument, `'${source2}' ${problem}`, "Write a pattern as scheme://host[:port] where * stands for exactly one DNS label, e.g. 'https://*.preview.app.example'.");
  };
  const match = /^(https?):\/\/([^/:?#]+)(?::(\d+))?\/?$/.exec(source2);
  if (!match) {
    if (/^[a-z]+:\/\/[^/]*:\*/i.test(source2)) fail("has a wildcard port: the port must match exactly");
    if (!/^https?:\/\//.test(source2)) fail("does not start with http:// or https:// (lower case): the scheme must match exactly");
    fail("is not scheme://host[:port] (no path, query or credentials)");
  }
  const [, scheme, host, port = ""] = match;
  const labels = host.split(".");
  for (const label of labels) {
    if (label === "*") continue;
    if (label.includes("*")) fail(`has '*' inside the label '${label}': * must be a whole label`);
    if (!LABEL.test(label)) fail(`has '${label}', which is not a lower-case DNS label`);
  }
  const lastStar = labels.lastIndexOf("*");
  if (labels.length - lastStar - 1 < 2) fail("has fewer than two fixed labels after the last *: it would cover a whole top-level domain");
  const defaultPort = scheme === "https" ? "443" : "80";
  if (port !== "" && (Number(port) > 65535 || port === defaultPort || port.startsWith("0"))) {
    fail(port === defaultPort ? `names the default port ${port}: browsers leave it out of Origin` : "has an invalid port");
  }
  return { kind: "pattern", source: `${scheme}://${host}${port ? `:${port}` : ""}`, scheme, port, labels };
}
function matchesPattern(rule, origin) {
  const match = /^(https?):\/\/([^/:]+)(?::(\d+))?$/.exec(origin);
  if (!match) return false;
  const [, scheme, host, port = ""] = match;
  if (scheme !== rule.scheme || port !== rule.port) return false;
  const labels = host.split(".");
  if (labels.length !== rule.labels.length) return false;
  return rule.labels.every((l, i) => l === "*" ? PATTERN_LABEL.test(labels[i]) : l === labels[i]);
}
function originAllowed(rules, origin) {
  if (rules.any) return true;
  return rules.rules.some((rule) => {
    if (rule.kind === "exact") return rule.origin === origin;
    if (rule.kind === "pattern") return matchesPattern(rule, origin);
    return safeCall(rule.match, origin);
  });
}
function exampleOrigins(rule) {
  if (rule.kind === "exact") return [rule.origin];
  if (rule.kind === "predicate") return [...rule.examples];
  return [patternWith(rule, rule.labels.map((l) => l === "*" ? PATTERN_EXAMPLE_LABEL : l))];
}
function patternWith(rule, labels) {
  return `${rule.scheme}://${labels.join(".")}${rule.port ? `:${rule.port}` : ""}`;
}
function describeRule(rule) {
  return rule.kind === "exact" ? rule.origin : rule.kind === "pattern" ? rule.source : rule.description;
}
function safeCall(match, origin) {
  try {
    return match(origin) === true;
  } catch {
    return false;
  }
}
function describePredicate(fn) {
  const name = typeof fn === "function" && fn.name ? fn.name : "";
  return name ? `the predicate ${name}()` : "a predicate";
}
function describeValue2(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `'${value}'`;
  if (typeof value === "object") return Object.prototype.toString.call(value).slice(8, -1);
  return `${typeof value} ${String(value)}`;
}

// src/policy/look-alikes.ts
var FOREIGN = ["https://evil.example", "https://corsproof-attacker.example"];
function refusedOrigins(origins) {
  const out = [];
  if (origins.any) return out;
  const add = (candidate) => {
    if (candidate === null || out.some((r) => r.origin === candidate.origin)) return;
    if (candidate.origin !== "null" && originAllowed(origins, candidate.origin)) return;
    out.push(candidate);
  };
  const foreign = FOREIGN.find((o) => !originAllowed(origins, o));
  if (foreign) add({ origin: foreign, kind: "foreign" });
  add({ origin: "null", kind: "null" });
  for (const rule of origins.rules) {
    if (rule.kind === "pattern") patternLookAlikes(rule).forEach(add);
    else if (rule.kind === "exact") exactLookAlikes(rule.origin).forEach(add);
    else rule.examples.forEach((origin) => exactLookAlikes(origin).forEach(add));
  }
  return out;
}
function exactLookAlikes(origin) {
  const url = new URL(origin);
  const host = url.hostname;
  const isIp = /^\d+(\.\d+){3}$/.test(host) || host.startsWith("[");
  const out = [];
  const make2 = (kind, hostname, protocol = url.protocol, port = url.port) => withParts(protocol, hostname, port, kind, origin);
  if (!isIp) {
    out.push(make2("prefix", `evil${host}`));
    if (host.includes(".")) out.push(make2("unescaped-dot", host.replace(".", "x")));
    out.push(make2("subdomain", `evil.${host}`));
  }
  out.push(make2("suffix", `${host}.evil.example`));
  out.push(make2("scheme", host, url.protocol === "https:" ? "http:" : "https:"));
  out.push(make2("port", host, url.protocol, url.port === "8443" ? "9443" : "8443"));
  return out.filter((r) => r !== null);
}
function patternLookAlikes(rule) {
  const filled = rule.labels.map((l) => l === "*" ? PATTERN_EXAMPLE_LABEL : l);
  const example = patternWith(rule, filled);
  const url = new URL(example);
  const star = rule.labels.indexOf("*");
  const out = [];
  const make2 = (kind, labels, protocol = `${rule.scheme}:`, port = rule.port) => withParts(protocol, labels.join("."), port, kind, rule.source);
  out.push(make2("extra-label", [...filled.slice(0, star), "evil", ...filled.slice(star)]));
  out.push(make2("no-label", rule.labels.filter((_, i) => i !== star).map((l) => l === "*" ? PATTERN_EXAMPLE_LABEL : l)));
  const fixed = rule.labels.slice(star + 1);
  out.push(make2("prefix", [`evil${fixed[0]}`, ...fixed.slice(1)]));
  out.push(make2("suffix", [...filled, "evil", "example"]));
  if (fixed.length > 1) out.push(make2("unescaped-dot", [...filled.slice(0, star + 1), `${fixed[0]}x${fixed[1]}`, ...fixed.slice(2)]));
  out.push(make2("scheme", filled, rule.scheme === "https" ? "http:" : "https:"));
  out.push(make2("port", filled, `${rule.scheme}:`, url.port === "8443" ? "9443" : "8443"));
  return out.filter((r) => r !== null);
}
function withParts(protocol, hostname, port, kind, of) {
  try {
    const origin = new URL(`${protocol}//${hostname}${port ? `:${port}` : ""}`).origin;
    return origin === "null" ? null : { origin, kind, of };
  } catch {
    return null;
  }
}

// src/policy/probes.ts
var UNLISTED_HEADER = "x-corsproof-unlisted";
var NOT_FOUND_SEGMENT = "corsproof-not-found";
var REFUSED_METHOD_CANDIDATES = ["PUT", "PATCH", "DELETE"];
function allowedOrigins(rules, argument) {
  if (rules.origins.any) return ["https://any-origin.example"];
  const out = [];
  for (const rule of rules.origins.rules) {
    if (rule.kind === "predicate" && rule.examples.length === 0) {
      throw new InvalidArgumentError(
        argument,
        `${describeRule(rule)} allows origins corsproof cannot guess, so it cannot probe them`,
        "Give it examples: origins: [{ match: (origin) => ..., examples: ['https://tenant-1.app.example'] }]."
      );
    }
    for (const origin of exampleOrigins(rule)) if (!out.includes(origin)) out.push(origin);
  }
  return out;
}
function planProbes(policy, routes, options, argument = "policy") {
  const probes = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (probe) => {
    const key = JSON.stringify([probe.path, probe.method, probe.origin, probe.headers, probe.credentials, probe.holdActual]);
    if (seen.has(key)) return;
    seen.add(key);
    probes.push(probe);
  };
  const notFoundDone = /* @__PURE__ */ new Set();
  routes.forEach((route, index) => {
    const rules = route.scope.rules;
    const allowed = allowedOrigins(rules, `${argument}${route.scope.key === "*" ? "" : `.routes['${route.scope.key}']`}.origins`);
    const credentials = rules.credentials ? "include" : "same-origin";
    const base = { route: index, path: route.path, headers: [] };
    const first = allowed[0];
    const routeAllows = (m2) => route.methods.length === 0 || route.methods.includes(m2) || m2 === "HEAD" && route.methods.includes("GET");
    const preflighted = rules.methods.filter((m2) => !isCorsSafelistedMethod(m2) && routeAllows(m2));
    const hold = (method) => options.actualRequests === "safe" && method !== "GET" && method !== "HEAD";
    for (const origin of allowed) {
      add({ ...base, method: "GET", origin, credentials, holdActual: false, allowed: true, expect: { kind: "origin-allowed", origin, credentials: rules.credentials } });
    }
    if (first !== void 0) {
      for (const method2 of preflighted) {
        add({ ...base, method: method2, origin: first, credentials, holdActual: hold(method2), allowed: true, expect: { kind: "method-allowed", origin: first, method: method2, credentials: rules.credentials } });
      }
      for (const header of allowedHeaderProbes(rules)) {
        add({ ...base, method: "GET", origin: first, headers: [header], credentials, holdActual: false, allowed: true, expect: { kind: "header-allowed", origin: first, header: header[0], credentials: rules.credentials } });
      }
      const method = preflighted[0];
      if (method !== void 0) {
        for (const origin of allowed.slice(1)) {
          add({ ...base, method, origin, credentials, holdActual: hold(method), allowed: true, expect: { kind: "preflight-origin-allowed", origin, method } });
        }
      }
    }
    const notFound = notFoundPath(route);
    const notFoundRules = policy.scopeFor(notFound).rules;
    const notFoundOrigin = notFoundRules === rules ? first : allowedOrigins(notFoundRules, argument)[0];
    if (notFoundOrigin !== void 0 && !notFoundDone.has(notFound)) {
      notFoundDone.add(notFound);
      const withCredentials2 = notFoundRules.credentials;
      add({ ...base, path: notFound, method: "GET", origin: notFoundOrigin, credentials: withCredentials2 ? "include" : "same-origin", holdActual: false, allowed: true, expect: { kind: "error-response-allowed", origin: notFoundOrigin, credentials: withCredentials2, path: notFound } });
    }
    const refused = refusedOrigins(rules.origins);
    for (const lookAlike of refused) {
      add({ ...base, method: "GET", origin: lookAlike.origin, credentials: "same-origin", holdActual: false, allowed: false, expect: { kind: "origin-refused", origin: lookAlike.origin, lookAlike } });
    }
    const foreign = refused[0];
    const askMethod = preflighted[0] ?? "PUT";
    if (foreign !== void 0 && first !== void 0) {
      add({ ...base, method: askMethod, origin: foreign.origin, headers: contentTypeJson(), credentials: "same-origin", holdActual: true, allowed: false, expect: { kind: "preflight-origin-refused", origin: foreign.origin, method: askMethod, lookAlike: foreign } });
    }
    if (first === void 0) return;
    for (const method of refusedMethods(rules, route)) {
      add({ ...base, method, origin: first, credentials, holdActual: true, allowed: false, expect: { kind: "method-refused", origin: first, method } });
    }
    if (rules.headers !== "*") {
      for (const header of [UNLISTED_HEADER, "authorization"].filter((h) => !rules.headers.includes(h))) {
        add({ ...base, method: "GET", origin: first, headers: [[header, "corsproof"]], credentials, holdActual: true, allowed: false, expect: { kind: "header-refused", origin: first, header } });
      }
    }
    if (!rules.credentials && !rules.origins.any) {
      add({ ...base, method: "GET", origin: first, credentials: "include", holdActual: false, allowed: false, expect: { kind: "credentials-refused", origin: first } });
    }
  });
  return probes;
}
function allowedHeaderProbes(rules) {
  if (rules.headers === "*") return [["x-corsproof-any", "corsproof"], ["authorization", "Bearer corsproof"]];
  return rules.headers.map((name) => [name, placeholderValue2(name)]);
}
function placeholderValue2(lowerName) {
  if (lowerName === "content-type") return "application/json";
  if (lowerName === "authorization") return "Bearer corsproof";
  return isCorsSafelistedRequestHeader(lowerName, "corsproof") ? "{corsproof}" : "corsproof";
}
function contentTypeJson() {
  return [["content-type", "application/json"]];
}
function refusedMethods(rules, route) {
  const candidates = [...route.methods, ...REFUSED_METHOD_CANDIDATES];
  const out = [];
  for (const m2 of candidates) {
    if (isCorsSafelistedMethod(m2) || m2 === "OPTIONS" || rules.methods.includes(m2) || out.includes(m2)) continue;
    out.push(m2);
  }
  return out;
}
function notFoundPath(route) {
  return `${route.path.replace(/\/$/, "")}/${NOT_FOUND_SEGMENT}`;
}

// src/policy/check.ts
var OPTION_KEYS3 = ["routes", "openapi", "params", "engine", "engines", "baseUrl", "timeoutMs", "actualRequests", "concurrency"];
function readCheckOptions(value, argument) {
  if (value === void 0) return {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InvalidArgumentError(argument, "expected an object", "Pass e.g. { openapi: 'openapi.yaml', params: { id: '42' } }.");
  }
  for (const key of Object.keys(value)) {
    if (!OPTION_KEYS3.includes(key)) throw new InvalidArgumentError(`${argument}.${key}`, "unknown option", `Known options: ${OPTION_KEYS3.join(", ")}.`);
  }
  const o = value;
  if (o.engine !== void 0 && o.engines !== void 0) throw new InvalidArgumentError(`${argument}.engine`, "both engine and engines are given", "Pass one: { engine: 'firefox' } or { engines: ['chromium', 'webkit'] }.");
  for (const name of o.engine !== void 0 ? [o.engine] : o.engines ?? []) {
    if (typeof name !== "string" || !Object.hasOwn(ENGINES, name)) throw new InvalidArgumentError(`${argument}.engine${o.engine === void 0 ? "s" : ""}`, `${JSON.stringify(name)} is not an engine`, "Use 'chromium', 'firefox', 'webkit' or 'spec'.");
  }
  if (o.engines !== void 0 && (!Array.isArray(o.engines) || o.engines.length === 0)) throw new InvalidArgumentError(`${argument}.engines`, "expected a non-empty array of engine names", "Pass e.g. ['chromium', 'firefox'].");
  if (o.params !== void 0 && (o.params === null || typeof o.params !== "object" || Object.values(o.params).some((v) => typeof v !== "string"))) {
    throw new InvalidArgumentError(`${argument}.params`, "expected an object of strings", "Pass e.g. { itemId: 'it-42' }.");
  }
  if (o.actualRequests !== void 0 && o.actualRequests !== "all" && o.actualRequests !== "safe") throw new InvalidArgumentError(`${argument}.actualRequests`, `${JSON.stringify(o.actualRequests)} is not 'all' or 'safe'`, "Pass 'safe' to send only GET and HEAD.");
  if (o.timeoutMs !== void 0 && !(typeof o.timeoutMs === "number" && o.timeoutMs > 0 && Number.isFinite(o.timeoutMs))) throw new InvalidArgumentError(`${argument}.timeoutMs`, "expected a positive number of milliseconds", "Pass e.g. 5000.");
  if (o.concurrency !== void 0 && !(Number.isInteger(o.concurrency) && o.concurrency >= 1)) throw new InvalidArgumentError(`${argument}.concurrency`, "expected a whole number from 1", "Pass e.g. 4.");
  if (o.openapi !== void 0 && typeof o.openapi !== "string" && (o.openapi === null || typeof o.openapi !== "object")) throw new InvalidArgumentError(`${argument}.openapi`, "expected a file path or a parsed document", "Pass e.g. 'openapi.yaml'.");
  return o;
}
async function checkCorsPolicy(target, policy, options = {}, argument = "options") {
  const engines = options.engine !== void 0 ? [options.engine] : [...options.engines ?? BROWSER_ENGINES];
  const isUrl = typeof target === "string" || target instanceof URL;
  const transport = toTransport(target, options.baseUrl === void 0 ? {} : { baseUrl: options.baseUrl });
  const base = new URL(transport.baseUrl ?? "https://api.example");
  const basePath = base.pathname.replace(/\/+$/, "");
  const fallbackPaths = policy.routes.map((r) => fillTemplate(r.key.replace(/\/\*$/, "") || "/", options.params ?? {}).path);
  const discovery = await discoverRoutes(target, { routes: options.routes, openapi: options.openapi, fallbackPaths, argument });
  const routes = discovery.routes.map((route) => planned(route, policy, options.params ?? {}));
  const planned_ = planProbes(policy, routes, { actualRequests: options.actualRequests ?? (isUrl ? "safe" : "all") });
  const held = holdActualRequests(transport);
  const run2 = async (probe) => {
    const url = new URL(`${basePath}${probe.path}`, base.origin).href;
    const verdicts = await simulateEngines(
      { url, origin: probe.origin, method: probe.method, headers: probe.headers, credentials: probe.credentials },
      { transport: probe.holdActual ? held : transport, engines, ...options.timeoutMs === void 0 ? {} : { timeoutMs: options.timeoutMs } }
    );
    return { probe, verdicts };
  };
  const concurrency = options.concurrency ?? 8;
  const firstPass = planned_.filter((p) => !isLookAlike(p));
  const results = firstPass.length ? [await run2(firstPass[0])] : [];
  const unreachable = results.length === 1 && results[0].verdicts.every(noAnswer);
  const lookAlikesOn = /* @__PURE__ */ new Map();
  if (!unreachable && results.length) {
    results.push(...await pool(firstPass.slice(1), concurrency, run2));
    const representative = /* @__PURE__ */ new Map();
    routes.forEach((route, index) => {
      const key = `${route.scope.key}
${fingerprint(results.filter((r) => r.probe.route === index))}`;
      if (!representative.has(key)) representative.set(key, index);
      lookAlikesOn.set(index, representative.get(key));
    });
    const secondPass = planned_.filter((p) => isLookAlike(p) && lookAlikesOn.get(p.route) === p.route);
    results.push(...await pool(secondPass, concurrency, run2));
  }
  const probes = results;
  const reports = routes.map((r, index) => {
    const on = lookAlikesOn.get(index);
    return { template: r.template, path: r.path, methods: [...r.methods], scope: r.scope.key, probes: 0, deviations: [], ...on !== void 0 && on !== index ? { lookAlikesOn: routes[on].template } : {} };
  });
  for (const { probe, verdicts } of results) {
    const report = reports[probe.route];
    report.probes++;
    const rules = policy.scopeFor(probe.path).rules;
    for (const deviation of [...judge4(probe, verdicts, rules), ...varyCheck(probe, verdicts, rules, results)]) {
      if (isRouteWide(deviation.kind) && report.deviations.some((d) => d.kind === deviation.kind)) continue;
      const key = actualFailureKey(deviation);
      if (key && report.deviations.some((d) => actualFailureKey(d) === key)) continue;
      report.deviations.push(deviation);
    }
  }
  return { from: discovery.from, routes: reports, skipped: discovery.skipped, engines, probes: probes.length, unreachable, baseUrl: `${base.origin}${basePath}` };
}
function isLookAlike(probe) {
  return probe.expect.kind === "origin-refused" && probe.expect.lookAlike.kind !== "foreign" && probe.expect.lookAlike.kind !== "null";
}
function fingerprint(results) {
  const parts = [];
  for (const { probe, verdicts } of results) {
    if (probe.expect.kind !== "origin-allowed" && probe.expect.kind !== "origin-refused" && probe.expect.kind !== "credentials-refused") continue;
    const v = verdicts[0];
    const response = v && lastActual(v.exchanges)?.response;
    const headers = (response && !isHeldResponse(response) ? response.headers : []).filter(([n]) => n.toLowerCase().startsWith("access-control-") || n.toLowerCase() === "vary").map(([n, value]) => `${n.toLowerCase()}:${value.split(probe.origin).join("<origin>")}`).sort();
    parts.push(`${probe.expect.kind} ${probe.credentials} ${v?.allowed} ${headers.join("|")}`);
  }
  return parts.sort().join("\n");
}
function planned(route, policy, params) {
  const filled = fillTemplate(route.path, params, route.examples);
  return { template: route.path, path: filled.path, methods: route.methods, scope: policy.scopeFor(filled.path) };
}
function isRouteWide(kind) {
  return kind === "vary" || kind === "max-age" || kind === "expose-missing" || kind === "expose-extra";
}
function judge4(probe, verdicts, rules) {
  const out = [];
  const silent = verdicts.filter(noAnswer);
  if (silent.length) out.push({ kind: "no-answer", expect: probe.expect, engines: silent.map((v) => v.engine), verdict: silent[0], groups: [silent], held: probe.holdActual });
  const answered = verdicts.filter((v) => !noAnswer(v));
  const wrong = answered.filter((v) => v.allowed !== probe.allowed);
  const groups = /* @__PURE__ */ new Map();
  for (const v of wrong) {
    const key = v.allowed ? "allowed" : v.reason?.code ?? "";
    groups.set(key, [...groups.get(key) ?? [], v]);
  }
  if (wrong.length) out.push({ kind: probe.expect.kind, expect: probe.expect, engines: wrong.map((v) => v.engine), verdict: wrong[0], groups: [...groups.values()], held: probe.holdActual });
  const sample = answered[0];
  if (sample) out.push(...wireChecks(probe, sample, rules, answered.map((v) => v.engine)));
  return out;
}
function wireChecks(probe, verdict, rules, engines) {
  const out = [];
  const make2 = (kind2, detail) => ({ kind: kind2, expect: probe.expect, engines, verdict, groups: [[verdict]], held: probe.holdActual, detail });
  const actual = lastActual(verdict.exchanges);
  const kind = probe.expect.kind;
  if (actual?.response && !isHeldResponse(actual.response) && verdict.allowed && kind === "origin-allowed") {
    const raw = getHeader(actual.response.headers, "access-control-expose-headers");
    const parsed = raw === null ? null : parseTokenList(raw);
    const listed = parsed?.ok ? parsed.values.map((v) => v.toLowerCase()) : [];
    const wildcard = listed.includes("*") && probe.credentials !== "include";
    const missing = rules.exposeHeaders.filter((h) => !listed.includes(h) && !wildcard);
    if (missing.length) out.push(make2("expose-missing", { names: missing, received: raw }));
    const extra = listed.filter((h) => !rules.exposeHeaders.includes(h) && !isCorsSafelistedResponseHeaderName(h, /* @__PURE__ */ new Set()) && (h !== "*" || probe.credentials !== "include"));
    if (extra.length) out.push(make2("expose-extra", { names: extra, received: raw }));
  }
  const preflight = verdict.exchanges.find((e) => e.kind === "preflight");
  if (preflight?.response && probe.allowed && verdict.allowed && rules.maxAge !== null) {
    const received = getHeader(preflight.response.headers, "access-control-max-age");
    if (received === null || received.trim() !== String(rules.maxAge)) out.push(make2("max-age", { received, expected: String(rules.maxAge) }));
  }
  return out;
}
function varyCheck(probe, verdicts, rules, all) {
  const kind = probe.expect.kind;
  if (rules.origins.any || kind !== "origin-allowed" && kind !== "origin-refused" && kind !== "error-response-allowed") return [];
  const sample = verdicts.find((v) => !noAnswer(v));
  const response = sample && lastActual(sample.exchanges)?.response;
  if (!sample || !response || isHeldResponse(response)) return [];
  const vary = response.headers.filter(([n]) => n.toLowerCase() === "vary").flatMap(([, v]) => v.split(",").map((t2) => t2.trim().toLowerCase()));
  if (vary.includes("origin") || vary.includes("*")) return [];
  const answers = /* @__PURE__ */ new Set();
  for (const other of all) {
    if (other.probe.path !== probe.path || other.probe.method !== "GET" || other.probe.headers.length) continue;
    const r = other.verdicts.find((v) => !noAnswer(v));
    const got = r && lastActual(r.exchanges)?.response;
    if (got && !isHeldResponse(got)) answers.add(JSON.stringify([getHeader(got.headers, "access-control-allow-origin"), getHeader(got.headers, "access-control-allow-credentials")]));
  }
  if (answers.size < 2) return [];
  return [{ kind: "vary", expect: probe.expect, engines: verdicts.filter((v) => !noAnswer(v)).map((v) => v.engine), verdict: sample, groups: [[sample]], held: false, detail: { received: getHeader(response.headers, "vary") } }];
}
function actualFailureKey(d) {
  const reason = d.verdict.reason;
  if (d.verdict.allowed || !reason || reason.preflight || d.held) return null;
  if (d.kind !== "origin-allowed" && d.kind !== "method-allowed" && d.kind !== "header-allowed" && d.kind !== "preflight-origin-allowed") return null;
  return `${d.expect.origin} ${reason.code} ${reason.url} ${d.engines.join()}`;
}
function lastActual(exchanges) {
  for (let i = exchanges.length - 1; i >= 0; i--) if (exchanges[i].kind !== "preflight") return exchanges[i];
  return void 0;
}
function noAnswer(verdict) {
  const last = verdict.exchanges[verdict.exchanges.length - 1];
  return !verdict.allowed && (verdict.reason?.code === "NetworkError" || verdict.reason?.code === "Timeout") && last !== void 0 && !last.response;
}
async function pool(items, size, run2) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await run2(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return out;
}

// src/policy/route-keys.ts
function parseRouteKey(key, argument) {
  const fail = (problem) => {
    throw new InvalidArgumentError(argument, `'${key}' ${problem}`, "Write a path such as '/items/:id', or a prefix such as '/api/admin/*'.");
  };
  if (!key.startsWith("/")) fail("does not start with /");
  if (/[?#\s]/.test(key)) fail("has a query, fragment or space");
  const parts = key.split("/").slice(1);
  let prefix2 = false;
  if (parts[parts.length - 1] === "*") {
    prefix2 = true;
    parts.pop();
  }
  if (parts.length === 1 && parts[0] === "") parts.pop();
  const segments = parts.map((part) => {
    if (part.includes("*")) fail("has '*' before the end: only a final '/*' (a prefix) is allowed");
    if (part === "") fail("has an empty segment (//)");
    if (/^:[A-Za-z_$][\w$]*$/.test(part) || /^\{[A-Za-z_$][\w$]*\}$/.test(part)) return null;
    if (/[:{}]/.test(part)) fail(`has '${part}', which is neither a fixed segment nor a parameter (:name or {name})`);
    return part;
  });
  return { key, segments, prefix: prefix2 };
}
function pathSegments(path) {
  const clean = path.split(/[?#]/)[0];
  const parts = clean.split("/").slice(1);
  if (parts.length && parts[parts.length - 1] === "") parts.pop();
  return parts.map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
}
function routeKeyMatches(route, segments) {
  if (route.prefix ? segments.length < route.segments.length : segments.length !== route.segments.length) return false;
  return route.segments.every((s, i) => s === null || s === segments[i]);
}
function compareSpecificity(a, b) {
  if (a.prefix !== b.prefix) return a.prefix ? 1 : -1;
  if (a.segments.length !== b.segments.length) return b.segments.length - a.segments.length;
  const fixed = (r) => r.segments.filter((s) => s !== null).length;
  return fixed(b) - fixed(a);
}
function encloses(outer, inner) {
  if (!outer.prefix || outer === inner) return false;
  if (inner.segments.length < outer.segments.length) return false;
  if (inner.segments.length === outer.segments.length && inner.prefix) return false;
  return outer.segments.every((s, i) => s === null || s === inner.segments[i]);
}

// src/policy/define.ts
var BRAND2 = /* @__PURE__ */ Symbol.for("corsproof.policy");
var RULE_KEYS = ["origins", "methods", "headers", "credentials", "exposeHeaders", "maxAge"];
var TOP_KEYS = [...RULE_KEYS, "routes", "$schema"];
var SYNONYMS = {
  origin: "origins",
  allowOrigin: "origins",
  allowedOrigins: "origins",
  method: "methods",
  allowMethods: "methods",
  allowedMethods: "methods",
  allowHeaders: "headers",
  allowedHeaders: "headers",
  requestHeaders: "headers",
  exposedHeaders: "exposeHeaders",
  expose: "exposeHeaders",
  allowCredentials: "credentials",
  "max-age": "maxAge",
  maxage: "maxAge",
  route: "routes",
  paths: "routes"
};
var DEFAULT_METHODS = ["GET", "HEAD", "POST"];
function isCorsPolicy(value) {
  return typeof value === "object" && value !== null && value[BRAND2] === true;
}
function buildPolicy(config, argument) {
  const input = copy(readObject(config, argument, TOP_KEYS));
  const rules = resolveRules(input, null, argument);
  const routes = [];
  if (input.routes !== void 0) {
    const table = readObject(input.routes, `${argument}.routes`, null);
    const entries = [];
    for (const [key, value] of Object.entries(table)) {
      const where = `${argument}.routes['${key}']`;
      const route = parseRouteKey(key, `${argument}.routes key`);
      const clash = entries.find((r) => r.route.prefix === route.prefix && r.route.segments.join("\0") === route.segments.join("\0"));
      if (clash) throw new InvalidArgumentError(where, `it is the same route as '${clash.key}'`, "Merge the two entries into one.");
      entries.push({ key, route, value: readObject(value, where, RULE_KEYS), where });
    }
    const resolved2 = /* @__PURE__ */ new Map();
    const resolve2 = (entry) => {
      const done = resolved2.get(entry.key);
      if (done) return done;
      const parents = entries.filter((p) => p !== entry && encloses(p.route, entry.route)).sort((a, b) => compareSpecificity(a.route, b.route));
      const own = resolveRules(entry.value, parents.length ? resolve2(parents[0]) : rules, entry.where);
      resolved2.set(entry.key, own);
      return own;
    };
    for (const entry of entries) routes.push({ key: entry.key, route: entry.route, rules: resolve2(entry) });
    routes.sort((a, b) => compareSpecificity(a.route, b.route));
  }
  const top = { key: "*", rules };
  const policy = {
    [BRAND2]: true,
    kind: "corsproof.policy",
    rules,
    routes: Object.freeze(routes),
    scopeFor(path) {
      if (routes.length === 0) return top;
      const segments = pathSegments(path);
      return routes.find((r) => routeKeyMatches(r.route, segments)) ?? top;
    },
    toJSON: () => serialize(input, argument)
  };
  return Object.freeze(policy);
}
function copy(value) {
  if (Array.isArray(value)) return value.map(copy);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
  }
  return value;
}
function resolveRules(input, base, argument) {
  if (base === null && input.origins === void 0) {
    throw new InvalidArgumentError(`${argument}.origins`, "it is missing", "List the page origins that may call the API, e.g. origins: ['https://app.example'], or '*' for any origin.");
  }
  const rules = {
    origins: input.origins === void 0 ? base.origins : parseOriginRules(input.origins, `${argument}.origins`),
    methods: input.methods === void 0 ? base?.methods ?? DEFAULT_METHODS : readMethods2(input.methods, `${argument}.methods`),
    headers: input.headers === void 0 ? base?.headers ?? [] : readHeaders2(input.headers, `${argument}.headers`),
    credentials: input.credentials === void 0 ? base?.credentials ?? false : readBoolean(input.credentials, `${argument}.credentials`),
    exposeHeaders: input.exposeHeaders === void 0 ? base?.exposeHeaders ?? [] : readExposed(input.exposeHeaders, `${argument}.exposeHeaders`),
    maxAge: input.maxAge === void 0 ? base?.maxAge ?? null : readMaxAge(input.maxAge, `${argument}.maxAge`)
  };
  if (rules.credentials && rules.origins.any) {
    throw new InvalidArgumentError(
      `${argument}.origins`,
      "'*' with credentials: true would let every site on the web read your users' data (browsers refuse 'Access-Control-Allow-Origin: *' with credentials, so the server would have to reflect any origin)",
      "List the origins that may send credentials, or set credentials: false."
    );
  }
  return Object.freeze(rules);
}
function readObject(value, argument, known) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InvalidArgumentError(argument, `expected an object, got ${describeValue2(value)}`, "Pass e.g. { origins: ['https://app.example'], methods: ['GET', 'PUT'] }.");
  }
  const record = value;
  if (known !== null) {
    for (const key of Object.keys(record)) {
      if (known.includes(key)) continue;
      const meant = SYNONYMS[key];
      if (key === "routes" && !known.includes("routes")) {
        throw new InvalidArgumentError(`${argument}.routes`, "route scopes cannot be nested", "Write every route key at the top level, e.g. routes: { '/api/admin/*': {...}, '/api/admin/users/:id': {...} }.");
      }
      throw new InvalidArgumentError(`${argument}.${key}`, "unknown field", meant ? `Did you mean '${meant}'?` : `The fields are ${known.filter((k) => k !== "$schema").join(", ")}.`);
    }
  }
  return record;
}
function readList(value, argument, example) {
  if (!Array.isArray(value)) throw new InvalidArgumentError(argument, `expected an array, got ${describeValue2(value)}`, `Pass e.g. ${example}.`);
  return value;
}
function readMethods2(value, argument) {
  if (value === "*") {
    throw new InvalidArgumentError(argument, "'*' is not supported for methods", "List the methods script may use, e.g. ['GET', 'POST', 'PUT', 'DELETE'].");
  }
  const out = [];
  readList(value, argument, "['GET', 'PUT', 'DELETE']").forEach((m2, i) => {
    if (typeof m2 !== "string" || !isToken(m2)) throw new InvalidArgumentError(`${argument}[${i}]`, `${describeValue2(m2)} is not an HTTP method`, "Pass method names such as 'PATCH'.");
    const upper = m2.toUpperCase();
    if (isForbiddenMethod(upper)) throw new InvalidArgumentError(`${argument}[${i}]`, `${upper} is a forbidden method: browsers never let script use it`, "Leave it out.");
    if (!out.includes(upper)) out.push(upper);
  });
  return out;
}
function readHeaders2(value, argument) {
  if (value === "*") return "*";
  const out = [];
  readList(value, argument, "['content-type', 'x-csrf-token']").forEach((h, i) => {
    const where = `${argument}[${i}]`;
    if (h === "*") throw new InvalidArgumentError(where, "'*' must be the whole headers value, not one entry of a list", "Write headers: '*' for any header, or list names.");
    if (typeof h !== "string" || !isToken(h)) throw new InvalidArgumentError(where, `${describeValue2(h)} is not a header name`, "Header names are HTTP tokens, e.g. x-csrf-token.");
    const lower = h.toLowerCase();
    if (isForbiddenRequestHeader(lower, "corsproof")) {
      throw new InvalidArgumentError(where, `${h} is a forbidden request header: browsers never let script set it, so a policy cannot allow it`, "Leave it out (cookies go with credentials: true).");
    }
    if (!out.includes(lower)) out.push(lower);
  });
  return out;
}
function readExposed(value, argument) {
  if (value === "*") {
    throw new InvalidArgumentError(argument, "'*' is not supported for exposeHeaders (it does not apply to requests with credentials)", "List the response headers script may read, e.g. ['x-total-count'].");
  }
  const out = [];
  readList(value, argument, "['x-total-count']").forEach((h, i) => {
    const where = `${argument}[${i}]`;
    if (typeof h !== "string" || !isToken(h)) throw new InvalidArgumentError(where, `${describeValue2(h)} is not a header name`, "Header names are HTTP tokens, e.g. x-total-count.");
    const lower = h.toLowerCase();
    if (isForbiddenResponseHeaderName(lower)) throw new InvalidArgumentError(where, `${h} is a forbidden response header: browsers never expose it`, "Leave it out.");
    if (!out.includes(lower)) out.push(lower);
  });
  return out;
}
function readBoolean(value, argument) {
  if (typeof value === "boolean") return value;
  throw new InvalidArgumentError(argument, `expected true or false, got ${describeValue2(value)}`, "Pass credentials: true to allow cookies and HTTP authentication.");
}
function readMaxAge(value, argument) {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 2 ** 31 - 1) return value;
  throw new InvalidArgumentError(argument, `expected a whole number of seconds, got ${describeValue2(value)}`, "Pass e.g. maxAge: 600 (browsers cap it: Chromium at 7200, Firefox at 86400).");
}
function serialize(input, argument) {
  const check = (rules, where) => {
    const origins = rules.origins;
    const list2 = Array.isArray(origins) ? origins : origins === void 0 ? [] : [origins];
    list2.forEach((o, i) => {
      if (typeof o === "string") return;
      const name = typeof o === "object" && o !== null && typeof o.description === "string" ? `'${o.description}'` : "a predicate";
      throw new InvalidArgumentError(`${where}.origins${Array.isArray(origins) ? `[${i}]` : ""}`, `it is ${name}, which is code and JSON cannot hold`, "Keep predicate origins in a policy module (cors.policy.js) instead of cors.policy.json.");
    });
  };
  check(input, argument);
  const routes = input.routes;
  for (const [key, value] of Object.entries(routes ?? {})) check(value, `${argument}.routes['${key}']`);
  const { $schema: _schema, ...rest } = input;
  return JSON.parse(JSON.stringify(rest));
}

// src/report/policy.ts
var LOOK_ALIKE = {
  foreign: "a foreign site",
  null: "the opaque origin of sandboxed iframes and file: pages",
  prefix: "prefix look-alike",
  suffix: "suffix look-alike",
  "unescaped-dot": "unescaped-dot look-alike",
  subdomain: "subdomain",
  scheme: "other scheme",
  port: "other port",
  "extra-label": "two labels where * is one",
  "no-label": "no label where * is one"
};
function withCredentials(credentials) {
  return credentials ? " with credentials" : "";
}
function expectationPhrase(deviation, route) {
  const e = deviation.expect;
  switch (deviation.kind) {
    case "vary":
      return "every response carries Vary: Origin (the answer depends on the Origin)";
    case "max-age":
      return `preflight answers carry Access-Control-Max-Age: ${deviation.detail?.expected}`;
    case "expose-missing":
      return `Access-Control-Expose-Headers lists ${listNames(deviation.detail?.names ?? [])}`;
    case "expose-extra":
      return `Access-Control-Expose-Headers lists only what the policy exposes`;
    default:
      return claim(e, route);
  }
}
function claim(e, route) {
  switch (e.kind) {
    case "origin-allowed":
      return `${e.origin} may read GET ${route.path}${withCredentials(e.credentials)}`;
    case "preflight-origin-allowed":
      return `${e.origin} may send ${e.method} ${route.path}`;
    case "method-allowed":
      return `${e.origin} may send ${e.method} ${route.path}${withCredentials(e.credentials)}`;
    case "header-allowed":
      return `${e.origin} may send request header ${e.header}${withCredentials(e.credentials)}`;
    case "error-response-allowed":
      return `the error response of GET ${e.path} allows ${e.origin}${withCredentials(e.credentials)}`;
    case "origin-refused": {
      const what = LOOK_ALIKE[e.lookAlike.kind] ?? e.lookAlike.kind;
      return `${e.origin} is refused (${what}${e.lookAlike.of ? ` of ${e.lookAlike.of}` : ""})`;
    }
    case "preflight-origin-refused":
      return `a preflight from ${e.origin} for ${e.method} is refused`;
    case "method-refused":
      return `${e.method} is refused (not in the policy's methods)`;
    case "header-refused":
      return `request header ${e.header} is refused (not in the policy's headers)`;
    case "credentials-refused":
      return `requests with credentials from ${e.origin} are refused (credentials: false)`;
  }
}
function receivedPhrase(deviation) {
  const engines = deviation.engines.join(", ");
  const d = deviation.detail;
  switch (deviation.kind) {
    case "no-answer":
      return `no answer (${deviation.verdict.reason?.code}) in ${engines}`;
    case "vary":
      return d?.received ? `Vary: ${d.received}` : "no Vary header";
    case "max-age":
      return d?.received === null || d?.received === void 0 ? "no Access-Control-Max-Age" : `Access-Control-Max-Age: ${d.received}`;
    case "expose-missing":
      return d?.received === null || d?.received === void 0 ? "no Access-Control-Expose-Headers" : `Access-Control-Expose-Headers: ${d.received || "(empty)"}`;
    case "expose-extra":
      return `it also exposes ${listNames(d?.names ?? [])}`;
    default:
      return deviation.groups.map((group) => {
        const names = group.map((v) => v.engine).join(", ");
        return group[0].allowed ? `allowed in ${names}` : `blocked in ${names} (${group[0].reason?.code ?? "unknown reason"})`;
      }).join("; ");
  }
}
function deviationFix(deviation, policyLists2) {
  const e = deviation.expect;
  const d = deviation.detail;
  const verdict = deviation.verdict;
  const fix = (text) => ({ label: "Fix", text });
  switch (deviation.kind) {
    case "no-answer":
      return fix("Make the server answer this request (it was refused, reset or timed out): a network failure is not a CORS decision.");
    case "vary":
      return fix("Add 'Vary: Origin' to every response of this route, so caches keep one origin's answer from another.");
    case "max-age":
      return fix(`Send 'Access-Control-Max-Age: ${d?.expected}' on preflight answers.`);
    case "expose-missing":
      return fix(`Add ${listNames(d?.names ?? [])} to Access-Control-Expose-Headers.`);
    case "expose-extra":
      return fix(`Leave ${listNames(d?.names ?? [])} out of Access-Control-Expose-Headers (the policy exposes ${policyLists2.exposeHeaders}).`);
    case "origin-refused": {
      const allow = allowOriginOf(verdict);
      if (allow === "*") return fix(`The response says 'Access-Control-Allow-Origin: *', which lets any site read it: send the request's Origin back only when the policy allows it (${policyLists2.origins}).`);
      return fix(`Stop answering Origin ${e.origin} with 'Access-Control-Allow-Origin: ${allow ?? e.origin}': match the Origin exactly against the policy's origins (${policyLists2.origins}).`);
    }
    case "preflight-origin-refused":
      return fix(`Answer preflights from origins outside the policy without Access-Control-Allow-Origin (the policy allows ${policyLists2.origins}).`);
    case "method-refused":
      return fix(`Leave ${e.method} out of Access-Control-Allow-Methods on the preflight answer (and do not answer '*').`);
    case "header-refused":
      return fix(`List only the policy's headers in Access-Control-Allow-Headers (${policyLists2.headers}): do not echo Access-Control-Request-Headers or answer '*'.`);
    case "credentials-refused":
      return fix("Do not send 'Access-Control-Allow-Credentials: true': the policy does not allow credentials.");
    default:
      return fix(fixSentence(verdict) || "Answer as the policy says.");
  }
}
function allowOriginOf(verdict) {
  for (let i = verdict.exchanges.length - 1; i >= 0; i--) {
    const response = verdict.exchanges[i].response;
    if (response && !isHeldResponse(response)) return getHeader(response.headers, "access-control-allow-origin");
  }
  return null;
}
var METHOD_ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
function routeHeading(route) {
  const rank = (m2) => METHOD_ORDER.includes(m2) ? METHOD_ORDER.indexOf(m2) : METHOD_ORDER.length;
  const sorted = [...route.methods].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const methods = sorted.length ? `${sorted.join(", ")} ` : "";
  const as = route.path !== route.template ? ` (requested as ${route.path})` : "";
  const scope = route.scope === "*" ? "" : ` \xB7 policy scope ${route.scope}`;
  return `${methods}${route.template}${as}${scope}`;
}
function formatDeviation(deviation, route, lists) {
  const verdict = deviation.verdict;
  const blocked = !verdict.allowed && deviation.kind !== "no-answer";
  const showConsole = blocked && deviation.expect.kind !== "origin-refused" && deviation.kind === deviation.expect.kind;
  const consoles = showConsole ? deviation.groups.flatMap((group) => groupConsoles(group)) : [];
  const exchanges = verdict.exchanges.filter((e) => !isHeldResponse(e.response));
  const notes = deviation.held ? [`The ${verdictMethod(verdict)} after the preflight was not sent: it is judged by its preflight.`] : [];
  const fixes = deviation.groups.map((group) => ({ engines: group.map((v) => v.engine), fix: deviationFix({ ...deviation, verdict: group[0] }, lists) }));
  const distinct = fixes.filter((f, i) => fixes.findIndex((g) => g.fix.text === f.fix.text) === i);
  const block = formatBlock({
    title: `\u2717 ${expectationPhrase(deviation, route)}: ${receivedPhrase(deviation)}`,
    notes,
    consoles: consoles.filter((line, k) => consoles.findIndex((other) => other.label === line.label && other.message === line.message) === k),
    exchanges,
    change: distinct.length === 1 ? distinct[0].fix : void 0
  });
  if (distinct.length === 1) return block;
  return [block, ...distinct.map((f) => `  ${f.fix.label} (${f.engines.join(", ")}): ${f.fix.text}`)].join("\n");
}
function groupConsoles(group) {
  const first = group[0];
  if (!first || first.allowed) return [];
  const lines = group.map((v) => consoleLine(first, v.engine)).filter((line) => line !== null && line.message !== "");
  const own = lines.filter((line) => line.wordsOf === line.engine);
  const shown = own.length > 0 ? own : lines.slice(0, 1);
  return shown.filter((line, k) => shown.findIndex((other) => other.wordsOf === line.wordsOf) === k);
}
function verdictMethod(verdict) {
  return verdict.exchanges.find((e) => e.kind !== "preflight")?.request.method ?? "request";
}
function policyLists(policy, path) {
  const rules = policy.scopeFor(path).rules;
  const names = (list2) => list2.length ? list2.join(", ") : "none";
  return {
    origins: rules.origins.any ? "any origin" : names(rules.origins.rules.map(describeRule)),
    headers: rules.headers === "*" ? "any" : names(rules.headers),
    exposeHeaders: names(rules.exposeHeaders)
  };
}
function formatPolicyDeviations(report, policy) {
  const parts = [];
  for (const route of report.routes) {
    if (route.deviations.length === 0) continue;
    const lists = policyLists(policy, route.path);
    const n = route.deviations.length;
    parts.push([`${routeHeading(route)}: ${n} deviation${n === 1 ? "" : "s"}`, ...route.deviations.map((d) => indent(formatDeviation(d, route, lists)))].join("\n"));
  }
  return parts.join("\n\n");
}
function reportSummary(report) {
  const deviations = report.routes.reduce((n, r) => n + r.deviations.length, 0);
  const routes = report.routes.length;
  const failing = report.routes.filter((r) => r.deviations.length).length;
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (deviations === 0) return `no deviation on ${plural(routes, "route")} (${plural(report.probes, "probe")})`;
  return `${plural(deviations, "deviation")} on ${failing} of ${plural(routes, "route")} (${plural(report.probes, "probe")})`;
}
function indent(text) {
  return text.split("\n").map((l) => l ? `  ${l}` : l).join("\n");
}

// src/matchers/to-match-cors-policy.ts
var MATCHER5 = "toMatchCorsPolicy";
async function toMatchCorsPolicy(received, policy, options) {
  requireTarget(received, MATCHER5);
  if (this.isNot) {
    throw new InvalidArgumentError(
      `expect(target).not.${MATCHER5}`,
      ".not is not supported: a server can miss a policy in countless ways, and passing on any of them proves nothing",
      `Assert what must be refused in the policy itself, or use .not.toAllowOrigin / toBeBlockedByCors for one request.`
    );
  }
  const defined = readPolicy(policy);
  const report = await checkCorsPolicy(received, defined, readCheckOptions(options, `${MATCHER5} options`), `${MATCHER5} options`);
  const pass = !report.unreachable && report.routes.length > 0 && report.routes.every((r) => r.deviations.length === 0);
  return { pass, message: () => message(this, report, defined, options !== void 0) };
}
function readPolicy(value) {
  if (isCorsPolicy(value)) return value;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return buildPolicy(value, `${MATCHER5} policy`);
  throw new InvalidArgumentError(`${MATCHER5} policy`, "expected a policy", "Pass defineCorsPolicy({ origins: [...], ... }) or the result of loadCorsPolicy('cors.policy.json').");
}
function message(ctx, report, policy, withOptions) {
  const hint = ctx.utils?.matcherHint ? ctx.utils.matcherHint(MATCHER5, "target", "policy", { promise: ctx.promise ?? "", secondArgument: withOptions ? "options" : void 0 }) : `expect(target).${MATCHER5}(policy${withOptions ? ", options" : ""})`;
  const expectedColor = ctx.utils?.EXPECTED_COLOR ?? ((t2) => t2);
  const receivedColor = ctx.utils?.RECEIVED_COLOR ?? ((t2) => t2);
  const engines = report.engines.length === 1 ? report.engines[0] : `every engine (${listNames(report.engines)})`;
  const lines = [hint, "", `Expected: ${expectedColor(`every route (${report.from}) to answer as the policy says, in ${engines}`)}`];
  if (report.unreachable) {
    lines.push(`Received: ${receivedColor("no answer: the server could not be reached, so nothing was checked")}`, "", formatPolicyDeviations(report, policy));
    return lines.join("\n");
  }
  if (report.routes.length === 0) {
    lines.push(`Received: ${receivedColor(`no route to probe (${report.from})`)}`, "", "Pass the routes to probe: { routes: ['/items', '/items/:id'] } or { openapi: 'openapi.yaml' }.");
    return lines.join("\n");
  }
  lines.push(`Received: ${receivedColor(reportSummary(report))}`);
  for (const skipped of report.skipped) lines.push(`Not probed: ${skipped.path}: ${skipped.why}.`);
  const details = formatPolicyDeviations(report, policy);
  if (details) lines.push("", details);
  return lines.join("\n");
}

// src/matchers/to-pass-preflight.ts
var MATCHER6 = "toPassPreflight";
async function toPassPreflight(received, request) {
  requireTarget(received, MATCHER6);
  const input = readRequestArgument(request, MATCHER6);
  const origin = requireOrigin(input, MATCHER6);
  const results = await runProbes(received, input, [{ request: { ...input.request, origin } }], MATCHER6);
  const cells = results.map((r) => verdictCell(r, judge5));
  const expected = `${enginesPhrase(input.engines)} to send a preflight for ${describeRequest(results[0])} and ${this.isNot ? "reject" : "pass"} it`;
  return resultOf(this, { matcher: MATCHER6, received: "target", expectedArg: "request", expected }, cells);
}
function judge5(verdict) {
  const preflight = verdict.exchanges.find((e) => e.kind === "preflight");
  if (!preflight) return { holds: null, status: "no preflight sent", notes: [whyNoPreflight(verdict)], because: false };
  if (!verdict.allowed && verdict.reason?.preflight) return { holds: false, status: `preflight blocked (${verdict.reason.code})` };
  const after = verdict.allowed ? "" : `, then blocked (${verdict.reason?.code})`;
  return {
    holds: true,
    status: `preflight passed${after}`,
    notes: verdict.allowed ? [] : ["The preflight passed; the request after it failed (see below). toAllowOrigin with the same request checks both."],
    change: preflight.response ? { label: "To block it", text: toBlock4(preflight.request.headers, preflight.response.headers) } : void 0
  };
}
function whyNoPreflight(verdict) {
  if (verdict.exchanges.length === 0) return `No preflight was sent: the browser blocked the request before sending anything (${verdict.reason?.code}).`;
  if (verdict.response?.type === "basic") return "No preflight was sent: the request is same-origin, so CORS does not apply.";
  if (verdict.response?.type === "opaque") return "No preflight was sent: 'no-cors' requests are never preflighted.";
  return "No preflight was sent: a GET, HEAD or POST with CORS-safelisted headers only is a simple request. Give it what needs one, e.g. { method: 'PUT' } or { headers: { 'content-type': 'application/json' } }.";
}
function toBlock4(sent, received) {
  const method = getHeader(sent, "access-control-request-method");
  const headers = getHeader(sent, "access-control-request-headers");
  const parts = [];
  if (method && !isCorsSafelistedMethod(method)) parts.push(`leave ${method} out of Access-Control-Allow-Methods`);
  if (headers) parts.push(`leave ${headers} out of Access-Control-Allow-Headers`);
  const origin = getHeader(received, "access-control-allow-origin");
  parts.push(origin === "*" ? "answer with an allow-list instead of 'Access-Control-Allow-Origin: *'" : `stop answering the preflight with 'Access-Control-Allow-Origin: ${origin}'`);
  return `On the OPTIONS response, ${parts.join(", or ")}.`;
}

// src/matchers/index.ts
var corsMatchers = {
  toAllowOrigin,
  toAllowCredentials,
  toExposeHeaders,
  toPassPreflight,
  toAllowMethods,
  toAllowHeaders,
  toBeBlockedByCors,
  toMatchCorsPolicy
};

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

// bench/.prof2.ts
var app = honoApp();
var m = corsMatchers.toAllowOrigin;
var N = Number(process.env.N ?? 2e4);
var t = fromFetchHandler(app);
var wire = { method: "GET", url: `${API_BASE}/items`, headers: [["Accept", "*/*"], ["Origin", PAGE]], body: null };
var req = { url: `${API_BASE}/items`, origin: PAGE };
async function run(label, op) {
  for (let i = 0; i < 2e3; i++) await op();
  const s = performance.now();
  for (let i = 0; i < N; i++) await op();
  console.log(label.padEnd(20), ((performance.now() - s) * 1e3 / N).toFixed(1), "\xB5s");
}
for (let k = 0; k < 2; k++) {
  await run("app.request", async () => {
    const r = await app.request("/items", { headers: { Origin: PAGE } });
    await r.arrayBuffer();
  });
  await run("app.fetch(new Req)", async () => {
    const r = await app.fetch(new Request(`${API_BASE}/items`, { headers: wire.headers }));
    await r.arrayBuffer();
  });
  await run("transport.send", async () => {
    await t.send(wire, void 0);
  });
  await run("simulate 1", async () => {
    await simulate(req, { transport: t });
  });
  await run("simulateEngines 3", async () => {
    await simulateEngines(req, { transport: t });
  });
  await run("matcher", async () => {
    const r = await m.call({ isNot: false }, app, PAGE, { url: `${API_BASE}/items` });
    if (!r.pass) throw new Error(r.message());
  });
}
