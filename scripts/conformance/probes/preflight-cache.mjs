// A probe corpus for the CORS-preflight cache: several fetch() calls on one page per scenario (`fetches`),
// recorded with scripts/conformance/harness.mjs. Whether a later fetch sent an OPTIONS shows what the engine
// cached, for how long (`waitMs` before a fetch) and under which key (method, header names, URL, credentials,
// the request's cache mode).
// Record with WARMUP=3: Firefox answers from its preflight cache only once a page has made a few preflighted
// fetches, so the harness makes them first (recorded: without, the first two scenarios of a page miss the cache).
// usage: node scripts/conformance/probes/preflight-cache.mjs > scenarios.json
const out = [];
let i = 0;
const origin = [['access-control-allow-origin', '{origin}'], ['access-control-allow-credentials', 'true']];
const ok = { status: 200, headers: origin, body: 'ok' };
// Every fetch uses the page's default cache mode unless a scenario says otherwise (the recording harness's own
// default is 'no-store', under which Chromium and Firefox neither read nor write the preflight cache).
const put = (extra = {}) => ({ method: 'PUT', headers: [['x-a', '1']], credentials: 'omit', mode: 'cors', body: 'x', init: { cache: 'default' }, ...extra });

/** One scenario: hops share the preflight answer; each fetch says which hop's URL it fetches. */
function scenario(note, preflightHeaders, fetches, { status = 204, hops = 1 } = {}) {
  const preflight = { status, headers: [...origin, ...preflightHeaders] };
  out.push({
    id: `c${String(i++).padStart(4, '0')}`,
    note,
    hops: Array.from({ length: hops }, () => ({ host: 'api', preflight, response: ok })),
    fetches: fetches.map(([request, waitMs = 0, hop = 0]) => ({ request, waitMs, hop })),
  });
}

const allowAll = (maxAge) => [
  ['access-control-allow-methods', 'PUT, DELETE, PATCH'],
  ['access-control-allow-headers', 'x-a, x-b'],
  ...(maxAge === undefined ? [] : Array.isArray(maxAge) ? maxAge.map((v) => ['access-control-max-age', v]) : [['access-control-max-age', maxAge]]),
];

// Access-Control-Max-Age values: cached at all (an immediate second fetch)?
const MAX_AGES = [
  undefined, '0', '-1', '-0', '1', '5', '600', '86400', '99999999999', '2147483647', '2147483648', '4294967296',
  '18446744073709551616', 'abc', '', '1.5', '0.5', '5.', '+5', '+0', ' 5', '5 ', '\t5', '05', '0x10', '1e3', '5,10', '5, 10',
  '10, 0', '0, 10', '5;x', '"5"', '5s', ['5', '10'], ['0', '600'], ['600', '0'], ['abc', '600'],
];
for (const m of MAX_AGES) scenario(`max-age ${JSON.stringify(m ?? null)}: fetched twice`, allowAll(m), [[put()], [put()]]);

// How long: the same values over time (fetches at 0, 0, 2.5 s and 6.5 s).
for (const m of [undefined, '1', '3', '10', '600', 'abc', '1.5', '2.9', '-1', '0', '+10', ' 10', '10 ', '\t10', '', '010', '5, 10', ['3', '10']]) {
  scenario(`max-age ${JSON.stringify(m ?? null)} over time`, allowAll(m), [[put()], [put()], [put(), 2500], [put(), 4000]]);
}

// Key: methods and header names from the lists are cached one by one.
scenario('another listed method is cached', allowAll('600'), [[put()], [put({ method: 'DELETE', body: undefined })], [put({ method: 'PATCH' })], [put({ method: 'POST' })]]);
scenario('another listed header is cached', allowAll('600'), [[put()], [put({ headers: [['x-b', '1']] })], [put({ headers: [['x-a', '1'], ['x-b', '2']] })], [put({ headers: [['x-c', '1']] })]]);
scenario('a header not listed is not cached, and its failed preflight clears the entry', allowAll('600'), [[put()], [put({ headers: [['x-c', '1']] })], [put()]]);
scenario('a method not listed fails and clears the entry', allowAll('600'), [[put()], [put({ method: 'OPTIONS', headers: [] })], [put()]]);
scenario('another URL is not covered', allowAll('600'), [[put()], [put(), 0, 1]], { hops: 2 });
scenario('credentials include then omit', allowAll('600'), [[put({ credentials: 'include' })], [put({ credentials: 'omit' })], [put({ credentials: 'include' })]]);
scenario('credentials omit then include', allowAll('600'), [[put({ credentials: 'omit' })], [put({ credentials: 'include' })], [put({ credentials: 'same-origin' })]]);
scenario('method case: put then PUT', allowAll('600'), [[put({ method: 'put' })], [put({ method: 'PUT' })]]);
scenario('listed method in lower case', [['access-control-allow-methods', 'put'], ['access-control-allow-headers', 'x-a'], ['access-control-max-age', '600']], [[put({ method: 'PUT' })], [put({ method: 'PUT' })]]);
scenario('header name case in the list', [['access-control-allow-methods', 'PUT'], ['access-control-allow-headers', 'X-A, X-B'], ['access-control-max-age', '600']], [[put()], [put({ headers: [['x-b', '1']] })]]);
// Wildcards.
scenario('wildcards, uncredentialed', [['access-control-allow-methods', '*'], ['access-control-allow-headers', '*'], ['access-control-max-age', '600']], [[put()], [put({ method: 'DELETE', body: undefined, headers: [['x-z', '1']] })], [put({ headers: [['authorization', 'x']] })]]);
scenario('wildcards, credentialed', [['access-control-allow-methods', '*, PUT'], ['access-control-allow-headers', '*, x-a'], ['access-control-max-age', '600']], [[put({ credentials: 'include' })], [put({ credentials: 'include' })], [put({ credentials: 'include', method: 'DELETE', body: undefined })], [put({ credentials: 'include', headers: [['x-b', '1']] })]]);
scenario('wildcard then credentialed request', [['access-control-allow-methods', '*'], ['access-control-allow-headers', '*'], ['access-control-max-age', '600']], [[put()], [put({ credentials: 'include' })]]);
// Safelisted methods: preflights with and without Access-Control-Allow-Methods.
const get = (extra = {}) => ({ method: 'GET', headers: [['x-a', '1']], credentials: 'omit', mode: 'cors', init: { cache: 'default' }, ...extra });
scenario('GET with a custom header, no Allow-Methods', [['access-control-allow-headers', 'x-a'], ['access-control-max-age', '600']], [[get()], [get()], [get({ method: 'POST', body: 'x' })], [get({ method: 'HEAD' })], [put()]]);
scenario('GET with a custom header, Allow-Methods lists GET', [['access-control-allow-methods', 'GET'], ['access-control-allow-headers', 'x-a'], ['access-control-max-age', '600']], [[get()], [get()], [get({ method: 'POST', body: 'x' })]]);
scenario('GET with a custom header, Allow-Methods lists PUT only', [['access-control-allow-methods', 'PUT'], ['access-control-allow-headers', 'x-a'], ['access-control-max-age', '600']], [[get()], [get()], [put()]]);
scenario('POST preflighted for a header, then PUT', [['access-control-allow-headers', 'x-a'], ['access-control-max-age', '600']], [[get({ method: 'POST', body: 'x' })], [put()]]);
scenario('no Allow-Headers, then a header', [['access-control-allow-methods', 'PUT'], ['access-control-max-age', '600']], [[put({ headers: [] })], [put({ headers: [] })], [put()]]);
scenario('a safelisted header value made unsafe', [['access-control-allow-methods', 'PUT'], ['access-control-allow-headers', 'content-type'], ['access-control-max-age', '600']], [[put({ headers: [['content-type', 'application/json']] })], [put({ headers: [['content-type', 'text/html']] })], [put({ headers: [['content-type', 'application/json']] })]]);
// The request's cache mode on the later fetch.
for (const mode of ['default', 'no-store', 'reload', 'no-cache', 'force-cache']) {
  scenario(`cache mode ${mode}`, allowAll('600'), [[put({ init: { cache: mode } })], [put({ init: { cache: mode } })], [put()]]);
  scenario(`cache mode ${mode} after default`, allowAll('600'), [[put()], [put({ init: { cache: mode } })], [put()]]);
}
// A failed actual request does not clear the cache; a non-ok preflight is not cached.
scenario('preflight with a non-ok status is not cached', allowAll('600'), [[put()], [put()]], { status: 500 });
scenario('preflight status 200', allowAll('600'), [[put()], [put()]], { status: 200 });
process.stdout.write(JSON.stringify(out));
