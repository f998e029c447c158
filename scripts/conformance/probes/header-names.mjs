// A probe corpus for how each engine names a request header that the preflight did not allow: the spelling it
// prints (WebKit prints the names it knows in their canonical case) and which one it names first when several
// are missing (WebKit: the names it knows first, each group in the order the page set them).
// usage: node scripts/conformance/probes/header-names.mjs > scenarios.json
const out = [];
let i = 0;
const preflight = { status: 204, headers: [['access-control-allow-origin', '{origin}'], ['access-control-allow-methods', 'GET, PUT'], ['access-control-allow-headers', 'x-allowed']] };
const ok = { status: 200, headers: [['access-control-allow-origin', '{origin}']], body: 'ok' };
function scenario(headers, note) {
  out.push({ id: `n${String(i++).padStart(4, '0')}`, note, request: { method: 'GET', headers, credentials: 'omit', mode: 'cors' }, hops: [{ host: 'api', preflight, response: ok }] });
}

// Names a page may set (not forbidden), in lower case: whether each is printed canonically.
const NAMES = [
  'accept', 'accept-language', 'accept-ranges', 'access-control-allow-credentials', 'access-control-allow-headers',
  'access-control-allow-methods', 'access-control-allow-origin', 'access-control-expose-headers', 'access-control-max-age',
  'age', 'authorization', 'cache-control', 'clear-site-data', 'content-disposition', 'content-encoding', 'content-language',
  'content-location', 'content-security-policy', 'content-security-policy-report-only', 'content-type', 'content-range',
  'cross-origin-embedder-policy', 'cross-origin-embedder-policy-report-only', 'cross-origin-opener-policy',
  'cross-origin-opener-policy-report-only', 'cross-origin-resource-policy', 'default-style', 'etag', 'expires', 'if-match',
  'if-modified-since', 'if-none-match', 'if-range', 'if-unmodified-since', 'last-event-id', 'last-modified', 'link', 'location',
  'ping-from', 'ping-to', 'purpose', 'pragma', 'range', 'referrer-policy', 'refresh', 'report-to', 'reporting-endpoints',
  'server-timing', 'service-worker', 'service-worker-allowed', 'service-worker-navigation-preload', 'set-cookie2', 'sourcemap',
  'timing-allow-origin', 'upgrade-insecure-requests', 'user-agent', 'vary', 'x-content-type-options', 'x-dns-prefetch-control',
  'x-frame-options', 'x-sourcemap', 'x-xss-protection', 'x-temp-tablet', 'icy-metaint', 'icy-metadata', 'priority',
  'origin-agent-cluster', 'permissions-policy', 'signature', 'signature-input', 'accept-ch', 'alt-svc', 'critical-ch',
  'content-digest', 'repr-digest', 'want-digest', 'idempotency-key', 'document-policy', 'nel', 'no-vary-search',
  'supports-loading-mode', 'strict-transport-security', 'x-requested-with', 'x-csrf-token', 'x-forwarded-for', 'server',
  'x-powered-by', 'x-webkit-csp', 'accept-patch', 'allow', 'retry-after', 'www-authenticate', 'forwarded', 'early-data',
];
for (const name of NAMES) scenario([[name, name === 'range' ? 'bytes=1-0' : name === 'content-type' ? 'application/json' : name === 'accept' || name === 'accept-language' ? '"x"' : '1']], `${name} alone`);
// The spelling the page used: a known name in odd case, an unknown one in odd case.
scenario([['CONTENT-TYPE', 'application/json']], 'known name in upper case');
scenario([['X-Custom-Thing', '1']], 'unknown name in mixed case');
scenario([['x-CUSTOM', '1'], ['X-custom', '2']], 'unknown name twice in two spellings');
// Which of two missing headers is named.
const PAIRS = [
  ['x-zeta', 'authorization'], ['authorization', 'x-zeta'], ['x-alpha', 'cache-control'], ['cache-control', 'x-alpha'],
  ['if-none-match', 'authorization'], ['authorization', 'if-none-match'], ['x-b', 'x-a'], ['x-a', 'x-b'],
  ['content-type', 'authorization'], ['authorization', 'content-type'], ['x-requested-with', 'x-csrf-token'], ['x-csrf-token', 'x-requested-with'],
  ['priority', 'x-a'], ['x-a', 'priority'], ['pragma', 'cache-control'], ['cache-control', 'pragma'],
];
for (const [a, b] of PAIRS) scenario([[a, a === 'content-type' ? 'application/json' : '1'], [b, b === 'content-type' ? 'application/json' : '1']], `${a} then ${b}`);
// The same name set twice: how often Access-Control-Request-Headers names it.
scenario([['x-a', '1'], ['x-a', '2']], 'x-a twice');
scenario([['X-A', '1'], ['x-a', '2'], ['x-A', '3']], 'x-a three times in three spellings');
scenario([['content-type', 'application/json'], ['content-type', 'text/plain']], 'content-type twice, first unsafe');
scenario([['accept', '"'], ['accept', '"']], 'accept twice, both unsafe');
process.stdout.write(JSON.stringify(out));
