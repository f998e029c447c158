// The web-platform-tests' CORS cases the emulator can run, as data: what each test fetches, what its server
// (fetch/api/resources/preflight.py, redirect.py, top.txt with header pipes) answers, and what the test expects.
// Ported from web-platform-tests/wpt fetch/api/cors/*.any.js, fetch/api/redirect/*.any.js and
// fetch/api/basic/*.any.js; written as data here, not copied.
//
// Hosts: `page` is the test page's origin (HTTP_ORIGIN), `api` another port of it (HTTP_ORIGIN_WITH_DIFFERENT_PORT,
// or HTTP_REMOTE_ORIGIN: every recording host is 127.0.0.1, so "remote" is another port), `other` a third origin
// (HTTP_REMOTE_ORIGIN_WITH_DIFFERENT_PORT). Not ported: HTTPS origins (the recording servers speak HTTP), methods
// Node's HTTP parser refuses (`NEW`, `SUPER`, `OK`, `*`) and header values with control bytes (the recording server
// answers 400 before any handler), and the legacy cors-multiple-origins.js.
//
// `expect`: `outcome` (the fetch resolves or rejects), `status`, `type`, `preflight` (an OPTIONS was sent),
// `origin` (the Origin the last request carried; null: none), `requestHeaders` (the preflight's
// Access-Control-Request-Headers), `readable` (response header name -> value script reads, null: hidden),
// `steps` (several fetches on one page: each one's `preflight`).

const ACAO = (origins) => (origins === undefined ? [['Access-Control-Allow-Origin', '*']] : origins.split(', ').map((o) => ['Access-Control-Allow-Origin', o]));
const EXPOSE = ['Access-Control-Expose-Headers', 'x-did-preflight, x-control-request-headers, x-referrer, x-preflight-referrer, x-origin'];

/** preflight.py: its answer to a preflight and to the request, from its query parameters. */
function preflightPy({ origin, credentials = false, maxAge, allowHeaders, allowMethods, preflightStatus = 200 } = {}) {
  const base = [['Content-Type', 'text/plain'], ...ACAO(origin), ...(credentials ? [['Access-Control-Allow-Credentials', 'true']] : [])];
  return {
    preflight: {
      status: preflightStatus,
      headers: [
        ...base,
        ...(maxAge !== undefined ? [['Access-Control-Max-Age', maxAge]] : []),
        ...(allowHeaders !== undefined ? [['Access-Control-Allow-Headers', allowHeaders]] : []),
        ...(allowMethods !== undefined ? [['Access-Control-Allow-Methods', allowMethods]] : []),
      ],
    },
    response: { status: 200, headers: [...base, EXPOSE], body: '' },
  };
}

/** redirect.py: a redirect to `{hop1}` with `Access-Control-Allow-Origin: *`; its preflight allowed as asked. */
function redirectPy(status, { allowHeaders, preflightRedirect = false, withAllowOrigin = true } = {}) {
  const allow = withAllowOrigin ? [['Access-Control-Allow-Origin', '*']] : [];
  return {
    preflight: preflightRedirect
      ? { status, headers: [['Location', '{hop1}'], ...allow] }
      : { status: 200, headers: [...allow, ...(allowHeaders ? [['Access-Control-Allow-Headers', allowHeaders]] : [])] },
    response: { status, headers: [['Location', '{hop1}'], ...allow], body: '' },
  };
}

/** top.txt with header pipes (a pipe's header replaces the file's own). */
function topTxt(headers) {
  const own = headers.some(([n]) => n.toLowerCase() === 'content-type') ? [] : [['Content-Type', 'text/plain']];
  return { response: { status: 200, headers: [...own, ...headers], body: 'top' } };
}

export const cases = [];
let n = 0;
function wpt(file, name, request, hops, expect) {
  cases.push({ id: `w${String(n++).padStart(3, '0')}`, wpt: file, name, request: { mode: 'cors', credentials: 'same-origin', redirect: 'follow', ...request }, hops, expect });
}
const at = (host, answer) => [{ host, ...answer }];

// fetch/api/cors/cors-basic.any.js
for (const [desc, host] of [['Same domain different port', 'api'], ['Cross domain basic usage', 'other']]) {
  const file = 'fetch/api/cors/cors-basic.any.js';
  wpt(file, `${desc} [no-cors mode]`, { method: 'GET', mode: 'no-cors' }, at(host, topTxt([['Access-Control-Allow-Origin', '*']])), { outcome: 'allowed', status: 0, type: 'opaque' });
  wpt(file, `${desc} [server forbid CORS]`, { method: 'GET' }, at(host, topTxt([])), { outcome: 'blocked' });
  wpt(file, `${desc} [cors mode]`, { method: 'GET' }, at(host, topTxt([['Access-Control-Allow-Origin', '*']])), { outcome: 'allowed', status: 200, type: 'cors' });
}

// fetch/api/cors/cors-no-preflight.any.js
{
  const file = 'fetch/api/cors/cors-no-preflight.any.js';
  const plain = preflightPy();
  wpt(file, 'Cross domain basic usage [GET]', { method: 'GET' }, at('other', plain), { outcome: 'allowed', status: 200, preflight: false });
  wpt(file, 'Same domain different port [GET]', { method: 'GET' }, at('api', plain), { outcome: 'allowed', status: 200, preflight: false });
  wpt(file, 'Cross domain [POST]', { method: 'POST' }, at('other', plain), { outcome: 'allowed', status: 200, preflight: false });
  wpt(file, 'Cross domain [HEAD]', { method: 'HEAD' }, at('other', plain), { outcome: 'allowed', status: 200, preflight: false });
  for (const [name, value] of [
    ['Accept', '*/*'], ['Accept-Language', 'fr'], ['Content-Language', 'fr'], ['Content-Type', 'application/x-www-form-urlencoded'],
    ['Content-Type', 'multipart/form-data'], ['Content-Type', 'text/plain'], ['Content-Type', 'text/plain;charset=utf-8'], ['Content-Type', 'Text/Plain;charset=utf-8'],
  ]) {
    wpt(file, `Cross domain [GET] [${name}: ${value}]`, { method: 'GET', headers: [[name, value]] }, at('other', plain), { outcome: 'allowed', status: 200, preflight: false });
  }
}

// fetch/api/cors/cors-origin.any.js ("origin OK": the page's origin allowed; "KO": the target's own origin)
{
  const file = 'fetch/api/cors/cors-origin.any.js';
  for (const [desc, host, method] of [
    ['Cross domain different subdomain', 'other', 'GET'], ['Same domain different port', 'api', 'GET'], ['Cross domain [POST]', 'other', 'POST'],
    ['Cross domain [HEAD]', 'other', 'HEAD'], ['CORS preflight [PUT]', 'other', 'PUT'],
  ]) {
    wpt(file, `${desc} [origin OK]`, { method }, at(host, preflightPy({ origin: '{origin}', maxAge: '0', allowMethods: method })), { outcome: 'allowed', status: 200 });
    wpt(file, `${desc} [origin KO]`, { method }, at(host, preflightPy({ origin: `{${host}}`, maxAge: '0', allowMethods: method })), { outcome: 'blocked' });
  }
  wpt(file, 'Allowed origin: "" [origin KO]', { method: 'GET' }, at('other', preflightPy({ origin: '', maxAge: '0', allowMethods: 'GET' })), { outcome: 'blocked' });
}

// fetch/api/cors/cors-preflight.any.js (resources/corspreflight.js)
{
  const file = 'fetch/api/cors/cors-preflight.any.js';
  const several = [['x-test-header1', 'allowedOrRefused'], ['x-test-header2', 'allowedOrRefused'], ['X-test-header3', 'allowedOrRefused'], ['x-test-header-b', 'allowedOrRefused'], ['x-test-header-D', 'allowedOrRefused'], ['x-test-header-C', 'allowedOrRefused'], ['x-test-header-a', 'allowedOrRefused'], ['Content-Type', 'allowedOrRefused']];
  const safe = [['Accept', '*'], ['Accept-Language', 'bzh'], ['Content-Language', 'eu']];
  const names = (hs) => hs.map(([h]) => h.toLowerCase());
  const test = (desc, method, allowed, headers = null, safeHeaders = null) => {
    const all = [...(headers ?? []), ...(safeHeaders ?? [])];
    const answer = allowed ? preflightPy({ maxAge: '0', allowMethods: method, ...(headers ? { allowHeaders: names(headers).join(' ,') } : {}) }) : preflightPy({ maxAge: '0' });
    const expect = allowed
      ? { outcome: 'allowed', status: 200, preflight: true, requestHeaders: headers ? [...names(headers)].sort().join(',') : null }
      : { outcome: 'blocked' };
    wpt(file, desc, { method, headers: all }, at('other', answer), expect);
  };
  for (const method of ['DELETE', 'PUT', 'PATCH']) {
    test(`CORS [${method}], server allows`, method, true);
    test(`CORS [${method}], server refuses`, method, false);
  }
  test('CORS [GET] [x-test-header: allowed], server allows', 'GET', true, [['x-test-header1', 'allowed']]);
  test('CORS [GET] [x-test-header: refused], server refuses', 'GET', false, [['x-test-header1', 'refused']]);
  test('CORS [GET] [several headers], server allows', 'GET', true, several, safe);
  test('CORS [GET] [several headers], server refuses', 'GET', false, several, safe);
  test('CORS [PUT] [several headers], server allows', 'PUT', true, several, safe);
  test('CORS [PUT] [several headers], server refuses', 'PUT', false, several, safe);
  test('CORS [PUT] [only safe headers], server allows', 'PUT', true, null, safe);
  // "check preflight has user agent": the preflight carries the request's User-Agent.
  wpt(file, 'CORS [PUT], server allows, check preflight has user agent', { method: 'PUT' }, at('other', preflightPy({ maxAge: '0', allowMethods: 'PUT' })), { outcome: 'allowed', status: 200, preflight: true, preflightUserAgent: true });
}

// fetch/api/cors/cors-preflight-star.any.js
{
  const file = 'fetch/api/cors/cors-preflight-star.any.js';
  const star = (succeeds, withCredentials, allowMethod, allowHeader, useMethod, useHeader) => {
    const answer = preflightPy({ ...(withCredentials ? { origin: '{origin}', credentials: true } : {}), allowMethods: allowMethod, allowHeaders: allowHeader });
    wpt(file, `CORS that ${succeeds ? 'succeeds' : 'fails'} with credentials: ${withCredentials}; method: ${useMethod} (allowed: ${allowMethod}); header: ${useHeader.join(',')} (allowed: ${allowHeader})`,
      { method: useMethod, credentials: withCredentials ? 'include' : 'same-origin', headers: useHeader.length ? [useHeader] : [] }, at('other', answer),
      succeeds ? { outcome: 'allowed', origin: '{origin}' } : { outcome: 'blocked' });
  };
  star(true, false, 'get', 'x-test', 'GET', ['X-Test', '1']);
  star(false, true, '*', '', 'PUT', []);
  star(true, true, 'PUT', '*', 'PUT', []);
  star(false, true, 'get', '*', 'GET', ['X-Test', '1']);
  star(false, true, '*', '*', 'GET', ['X-Test', '1']);
  star(false, true, 'put', '*', 'PUT', []);
  // Methods fetch() upper-cases (GET, HEAD, POST are safelisted whatever the list says; DELETE and PUT must be
  // listed upper-case); PATCH is not upper-cased (a lower-case `patch` request is left out: see above).
  for (const METHOD of ['GET', 'HEAD', 'POST']) {
    const method = METHOD.toLowerCase();
    star(true, true, METHOD, '*', METHOD, []);
    star(true, true, METHOD, '*', method, []);
    star(true, true, method, '*', METHOD, []);
    star(true, true, method, '*', method, []);
  }
  for (const METHOD of ['DELETE', 'PUT']) {
    const method = METHOD.toLowerCase();
    star(true, true, METHOD, '*', METHOD, []);
    star(true, true, METHOD, '*', method, []);
    star(false, true, method, '*', METHOD, []);
    star(false, true, method, '*', method, []);
  }
  star(true, true, 'PATCH', '*', 'PATCH', []);
  star(false, true, 'patch', '*', 'PATCH', []);
  // "Authorization" header can't be wildcarded.
  star(false, false, '*', '*', 'POST', ['Authorization', '123']);
  star(true, false, '*', '*, Authorization', 'POST', ['Authorization', '123']);
}

// fetch/api/cors/cors-preflight-status.any.js
for (const status of [200, 201, 202, 203, 204, 205, 206, 300, 301, 302, 303, 304, 305, 306, 307, 308, 400, 401, 402, 403, 404, 405, 501, 502, 503, 504, 505]) {
  const ok = status >= 200 && status <= 299;
  wpt('fetch/api/cors/cors-preflight-status.any.js', `Preflight answered with status ${status}`, { method: 'GET', headers: [['x-force-preflight', '']] },
    at('other', preflightPy({ maxAge: '0', allowHeaders: 'x-force-preflight', preflightStatus: status })), ok ? { outcome: 'allowed', status: 200, preflight: true } : { outcome: 'blocked' });
}

// fetch/api/cors/cors-preflight-response-validation.any.js (its first fetch)
wpt('fetch/api/cors/cors-preflight-response-validation.any.js', 'Preflight response with bad Allow-Access-Control-Headers', { method: 'GET', headers: [['x-force-preflight', '']] },
  at('other', preflightPy({ maxAge: '0', allowHeaders: 'x-force-preflight,header name with space' })), { outcome: 'blocked' });
wpt('fetch/api/cors/cors-preflight-response-validation.any.js', 'Preflight response with bad Allow-Access-Control-Methods', { method: 'GET', headers: [['x-force-preflight', '']] },
  at('other', preflightPy({ maxAge: '0', allowHeaders: 'x-force-preflight', allowMethods: 'Bad method name' })), { outcome: 'blocked' });

// fetch/api/cors/cors-preflight-not-cors-safelisted.any.js (resources/not-cors-safelisted.json)
for (const [name, value] of [
  ['accept', '"'], ['accept', '012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678'],
  ['accept-language', '@'], ['authorization', 'basics'], ['content-language', '@'], ['content-type', 'text/html'],
  ['content-type', 'text/plain; long=0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901'],
  ['last-event-id', '"'], ['last-event-id', '012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678'],
  ['range', 'bytes 0-'], ['test', 'hi'],
]) {
  wpt('fetch/api/cors/cors-preflight-not-cors-safelisted.any.js', `Need CORS-preflight for ${name}/${value} header`, { method: 'GET', headers: [[name, value]] },
    at('other', preflightPy({ maxAge: '0', allowMethods: 'GET', allowHeaders: name })), { outcome: 'allowed', status: 200, preflight: true, requestHeaders: name });
}

// fetch/api/cors/cors-preflight-redirect.any.js
for (const code of [301, 302, 303, 307, 308]) {
  const file = 'fetch/api/cors/cors-preflight-redirect.any.js';
  const request = { method: 'GET', headers: [['x-force-preflight', '']] };
  const target = { host: 'other', ...preflightPy({ maxAge: '0', allowHeaders: 'x-force-preflight' }) };
  wpt(file, `Redirection ${code} on preflight failed`, request, [{ host: 'other', ...redirectPy(code, { preflightRedirect: true }) }, target], { outcome: 'blocked' });
  wpt(file, `Redirection ${code} after preflight failed`, request, [{ host: 'other', ...redirectPy(code, { allowHeaders: 'x-force-preflight', withAllowOrigin: true }), response: { status: code, headers: [['Location', '{hop1}']], body: '' } }, target], { outcome: 'blocked' });
}

// fetch/api/cors/cors-redirect.any.js
for (const code of [301, 302, 303, 307, 308]) {
  const file = 'fetch/api/cors/cors-redirect.any.js';
  const final = (host) => ({ host, ...preflightPy({ maxAge: '0' }) });
  wpt(file, `Redirect ${code}: cors to same cors`, { method: 'GET' }, [{ host: 'other', ...redirectPy(code) }, final('other')], { outcome: 'allowed', status: 200, preflight: false, origin: '{origin}' });
  wpt(file, `Redirect ${code}: cors to another cors`, { method: 'GET' }, [{ host: 'other', ...redirectPy(code) }, final('api')], { outcome: 'allowed', status: 200, preflight: false, origin: 'null' });
  wpt(file, `Redirect ${code}: same origin to cors`, { method: 'GET' }, [{ host: 'page', ...redirectPy(code) }, final('other')], { outcome: 'allowed', status: 200, preflight: false, origin: '{origin}' });
  wpt(file, `Redirect ${code}: cors to same origin`, { method: 'GET' }, [{ host: 'other', ...redirectPy(code) }, final('page')], { outcome: 'allowed', status: 200, preflight: false, origin: 'null' });
}

// fetch/api/cors/cors-redirect-preflight.any.js
for (const code of [301, 302, 303, 307, 308]) {
  const file = 'fetch/api/cors/cors-redirect-preflight.any.js';
  const request = { method: 'GET', headers: [['x-w3c', 'test']] };
  for (const [desc, from, to] of [['same origin to cors', 'page', 'other'], ['cors to same origin', 'other', 'page'], ['cors to another cors', 'other', 'api']]) {
    const success = [{ host: from, ...redirectPy(code, { allowHeaders: 'x-w3c' }) }, { host: to, ...preflightPy({ maxAge: '0', allowHeaders: 'x-w3c' }) }];
    const failure = [{ host: from, ...redirectPy(code, { allowHeaders: 'x-w3c' }) }, { host: to, ...preflightPy({ maxAge: '0' }) }];
    // "cors to same origin": the request goes to the page's own origin redirect-tainted, its Origin is null while
    // the final preflight.py allows *: the preflight passes.
    wpt(file, `Redirect ${code}: ${desc} (preflight after redirection success case)`, request, success, { outcome: 'allowed', status: 200, preflight: true });
    wpt(file, `Redirect ${code}: ${desc} (preflight after redirection failure case)`, request, failure, { outcome: 'blocked' });
  }
}

// fetch/api/cors/cors-redirect-credentials.any.js
for (const code of [301, 302, 303, 307, 308]) {
  const file = 'fetch/api/cors/cors-redirect-credentials.any.js';
  const withCredentials = (credentials, to) => `http://${credentials}@127.0.0.1:{${to === 'page' ? 'PORT' : to === 'api' ? 'API_PORT' : 'OTHER_PORT'}}/s/{id}/1`;
  for (const [desc, from, to] of [['from same origin to remote', 'page', 'api'], ['from remote to same origin', 'api', 'page'], ['from remote to same remote', 'api', 'api'], ['from remote to another remote', 'api', 'other']]) {
    for (const [what, credentials] of [['without user and password', ''], ['with user and password', 'user:password'], ['with user', 'user:'], ['with password', ':password']]) {
      if (credentials === '' && desc !== 'from same origin to remote') continue;
      const location = credentials === '' ? '{hop1}' : withCredentials(credentials, to);
      const hops = [{ host: from, preflight: { status: 200, headers: [['Access-Control-Allow-Origin', '*']] }, response: { status: code, headers: [['Location', location], ['Access-Control-Allow-Origin', '*']], body: '' } }, { host: to, ...preflightPy() }];
      wpt(file, `Redirect ${code} ${desc} ${what}`, { method: 'GET' }, hops, credentials === '' ? { outcome: 'allowed' } : { outcome: 'blocked' });
    }
  }
}

// fetch/api/cors/cors-preflight-cache.any.js (two fetches on one page)
wpt('fetch/api/cors/cors-preflight-cache.any.js', 'Preflight cached: the second fetch goes without one', { method: 'POST', headers: [['x-test-header', 'test1']], body: 'x', init: { cache: 'default' } },
  at('other', preflightPy({ maxAge: '12000', allowMethods: 'POST', allowHeaders: 'x-test-header' })),
  { outcome: 'allowed', steps: [{ preflight: true }, { preflight: false }], second: { headers: [['x-test-header', 'test2']] } });

// fetch/api/cors/cors-filtering.any.js
{
  const file = 'fetch/api/cors/cors-filtering.any.js';
  const filter = (name, value, hidden, exposed) => {
    const headers = [[name, value], ['Access-Control-Allow-Origin', '*'], ...(exposed ? [['Access-Control-Expose-Headers', name]] : [])];
    wpt(file, `CORS filter on ${name} header${exposed ? ', header is exposed' : ''}`, { method: 'GET' }, at('other', topTxt(headers)), { outcome: 'allowed', status: 200, type: 'cors', readable: { [name.toLowerCase()]: hidden ? null : value } });
  };
  for (const [name, value] of [['Cache-Control', 'no-cache'], ['Content-Language', 'fr'], ['Content-Type', 'text/html'], ['Expires', '04 May 1988 22:22:22 GMT'], ['Last-Modified', '04 May 1988 22:22:22 GMT'], ['Pragma', 'no-cache']]) filter(name, value, false, false);
  for (const [name, value] of [['Age', '27'], ['Server', 'wptServe'], ['Warning', 'Mind the gap'], ['Set-Cookie', 'name=value'], ['Set-Cookie2', 'name=value']]) filter(name, value, true, false);
  for (const [name, value] of [['Age', '27'], ['Server', 'wptServe'], ['Warning', 'Mind the gap']]) filter(name, value, false, true);
  for (const [name, value] of [['Set-Cookie', 'name=value'], ['Set-Cookie2', 'name=value']]) filter(name, value, true, true);
}

// fetch/api/cors/cors-expose-star.any.js
{
  const file = 'fetch/api/cors/cors-expose-star.any.js';
  const shared = [['Access-Control-Expose-Headers', '*'], ['Test', 'X'], ['Set-Cookie', 'X'], ['*', 'whoa']];
  wpt(file, 'Basic Access-Control-Expose-Headers: * support', { method: 'GET' }, at('api', topTxt([...shared, ['Access-Control-Allow-Origin', '*']])),
    { outcome: 'allowed', status: 200, type: 'cors', readable: { test: 'X', 'set-cookie': null, '*': 'whoa' } });
  wpt(file, '* for credentialed fetches only matches literally', { method: 'GET', credentials: 'include' }, at('api', topTxt([...shared, ['Access-Control-Allow-Origin', '{origin}'], ['Access-Control-Allow-Credentials', 'true']])),
    { outcome: 'allowed', status: 200, type: 'cors', readable: { 'content-type': 'text/plain', test: null, 'set-cookie': null, '*': 'whoa' } });
  wpt(file, '* can be one of several values', { method: 'GET' }, at('api', topTxt([['Access-Control-Allow-Origin', '*'], ['Access-Control-Expose-Headers', '*'], ['Access-Control-Expose-Headers', 'set-cookie'], ['Test', 'X'], ['Set-Cookie', 'X']])),
    { outcome: 'allowed', status: 200, type: 'cors', readable: { test: 'X', 'set-cookie': null } });
}

// fetch/api/redirect/redirect-count.any.js (cross-origin: every hop allows *)
{
  const file = 'fetch/api/redirect/redirect-count.any.js';
  const chain = (count) => [
    ...Array.from({ length: count }, (_, k) => ({ host: 'api', response: { status: 302, headers: [['Location', `{hop${k + 1}}`], ['Access-Control-Allow-Origin', '*']], body: '' } })),
    { host: 'api', ...topTxt([['Access-Control-Allow-Origin', '*']]) },
  ];
  wpt(file, 'Redirect 302 20 times', { method: 'GET' }, chain(20), { outcome: 'allowed', status: 200 });
  wpt(file, 'Redirect 302 21 times', { method: 'GET' }, chain(21), { outcome: 'blocked' });
}

// fetch/api/redirect/redirect-mode.any.js and redirect-method.any.js (cross-origin, allowed)
for (const code of [301, 302, 303, 307, 308]) {
  const hops = (to) => [{ host: 'api', response: { status: code, headers: [['Location', '{hop1}'], ['Access-Control-Allow-Origin', '*']], body: '' } }, { host: to, ...topTxt([['Access-Control-Allow-Origin', '*']]) }];
  wpt('fetch/api/redirect/redirect-mode.any.js', `cross-origin redirect ${code} in manual redirect mode`, { method: 'GET', redirect: 'manual' }, hops('api'), { outcome: 'allowed', status: 0, type: 'opaqueredirect' });
  wpt('fetch/api/redirect/redirect-mode.any.js', `cross-origin redirect ${code} in error redirect mode`, { method: 'GET', redirect: 'error' }, hops('api'), { outcome: 'blocked' });
  wpt('fetch/api/redirect/redirect-mode.any.js', `cross-origin redirect ${code} in follow redirect mode`, { method: 'GET' }, hops('other'), { outcome: 'allowed', status: 200 });
  wpt('fetch/api/redirect/redirect-method.any.js', `Redirect ${code} with POST`, { method: 'POST', body: 'x', headers: [['Content-Type', 'text/plain']] }, hops('api'), { outcome: 'allowed', status: 200, finalMethod: code === 303 || code === 301 || code === 302 ? 'GET' : 'POST' });
}

// fetch/api/basic/mode-same-origin.any.js and mode-no-cors.any.js
wpt('fetch/api/basic/mode-same-origin.any.js', 'Fetch ../resources/top.txt with same-origin mode', { method: 'GET', mode: 'same-origin' }, at('page', topTxt([])), { outcome: 'allowed', status: 200, type: 'basic' });
wpt('fetch/api/basic/mode-same-origin.any.js', 'Fetch HTTP_ORIGIN_WITH_DIFFERENT_PORT + top.txt with same-origin mode', { method: 'GET', mode: 'same-origin' }, at('api', topTxt([['Access-Control-Allow-Origin', '*']])), { outcome: 'blocked' });
wpt('fetch/api/basic/mode-no-cors.any.js', 'Fetch HTTP_ORIGIN_WITH_DIFFERENT_PORT + top.txt with no-cors mode', { method: 'GET', mode: 'no-cors' }, at('api', topTxt([])), { outcome: 'allowed', status: 0, type: 'opaque' });
wpt('fetch/api/basic/mode-no-cors.any.js', 'Fetch ../resources/top.txt with no-cors mode', { method: 'GET', mode: 'no-cors' }, at('page', topTxt([])), { outcome: 'allowed', status: 200, type: 'basic' });

// The top-level cors/ directory (XMLHttpRequest tests; the same CORS protocol, run here as fetch() calls). Its
// servers: cors/resources/preflight.py, cors-makeheader.py (`Access-Control-Allow-Origin` from `origin` or the
// request's Origin, `-Headers` from `headers`, a status from `code`, a preflight's from `preflight`, a `Location`
// for 3xx) and status.py. CROSSDOMAIN is another origin: `other`.

/** cors/resources/preflight.py: the preflight allows the method asked and `x-print`; the request answers `NO`. */
const corsPreflightPy = {
  preflight: { status: 200, headers: [['Content-Type', 'text/plain'], ['Access-Control-Allow-Methods', 'POST'], ['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Headers', 'x-print']] },
  response: { status: 200, headers: [['Content-Type', 'text/plain'], ['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Headers', 'x-print']], body: 'NO' },
};

/** cors/resources/cors-makeheader.py. */
function makeheader({ origin = '{origin}', origin2, headers, code, preflight, location } = {}) {
  const base = [
    ...(origin === null ? [] : [['Access-Control-Allow-Origin', origin]]),
    ...(origin2 !== undefined ? [['Access-Control-Allow-Origin', origin2]] : []),
    ...(headers !== undefined ? [['Access-Control-Allow-Headers', headers]] : []),
  ];
  const answer = (status) => ({
    status: status ?? 200,
    headers: [...base, ...(location !== undefined && status >= 300 && status < 400 ? [['Location', location]] : [])],
    body: '{}',
  });
  return { preflight: answer(preflight ?? code ?? (location !== undefined ? 302 : undefined)), response: answer(code ?? (location !== undefined ? 302 : undefined)) };
}

// cors/cors-safelisted-request-header.any.js: a POST of "data" with one header; a preflight is refused (the
// server allows only x-print), so "Preflight" means fetch() rejects.
{
  const file = 'cors/cors-safelisted-request-header.any.js';
  const safelist = (name, value, preflight) =>
    wpt(file, `${preflight ? 'Preflight' : 'No preflight'} for ${JSON.stringify({ [name]: value })}`, { method: 'POST', headers: [[name, value]], body: 'data' }, at('other', corsPreflightPy),
      preflight ? { outcome: 'blocked' } : { outcome: 'allowed', status: 200, preflight: false, readable: { 'content-type': 'text/plain' } });
  for (const [value, preflight = false] of [
    ['text /plain', true], ['text\t/\tplain', true], ['text/plain;'], ['text/plain;garbage'], ['text/plain;garbage\u0001\u0002', true],
    ['text/plain,', true], [',text/plain', true], ['text/plain,text/plain', true], ['text/plain,x/x', true], ['text/plain\u000B', true],
    ['text/plain\u000C', true], ['application/www-form-urlencoded', true], ['application/x-www-form-urlencoded;\u007F', true],
    ['multipart/form-data'], ['multipart/form-data;"', true],
  ]) safelist('content-type', value, preflight);
  for (const [value, preflight = false] of [
    ['100-200', true], ['MB=100-200', true], ['bytes=100-200'], ['bytes =100-200', true], ['bytes\t=100-200', true], ['bytes=  100-200', true],
    ['bytes=\t\t100-200', true], ['bytes= \t100-200', true], ['bytes=100 -200', true], ['bytes=100\t-200', true], ['bytes=100- 200', true],
    ['bytes=100-\t200', true], ['bytes=100-200hello', true], ['bytes=abc-def', true], ['bytes=100-200,300-400', true], ['bytes=-200', true],
    ['bytes=200-'], ['bytes=200-100', true], [`bytes=1${'0'.repeat(60)}-2${'0'.repeat(60)}`, true], ['bytes 100-200', true],
    ['bytes = 100-200', true], [',bytes=100-200', true], ['bytes=,100-200', true],
  ]) safelist('range', value, preflight);
  for (const [value, preflight = false] of [['abc123'], ['"', true], ['e5p3n<3k0k0s', true], ['0'.repeat(129), true]]) safelist('last-event-id', value, preflight);
}

// cors/client-hint-request-headers.htm: headers the server does not allow, client hints with an empty value.
{
  const file = 'cors/client-hint-request-headers.htm';
  const answer = at('other', makeheader({ headers: 'x-print' }));
  wpt(file, 'Unspecified request headers are disallowed', { method: 'GET', headers: [['x-print', 'unicorn'], ['y-print', 'unicorn']] }, answer, { outcome: 'blocked' });
  for (const [label, name] of [['device-memory', 'device-memory'], ['DPR', 'dpr'], ['width', 'width'], ['viewport-width', 'viewport-width']]) {
    wpt(file, `Unextractable ${label} client hint header is disallowed`, { method: 'GET', headers: [[name, '']] }, answer, { outcome: 'blocked' });
  }
}

// cors/preflight-failure.htm: a preflight answered with each status (3xx with a Location).
for (const code of [200, 299, 300, 301, 302, 303, 304, 305, 306, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 500, 501, 502, 503, 504, 505, 680, 790]) {
  const ok = code >= 200 && code <= 299;
  wpt('cors/preflight-failure.htm', `Should ${ok ? 'succeed' : 'throw error'} if preflight has status ${code}`, { method: 'GET', headers: [['x-test', 'test']] },
    [{ host: 'other', ...makeheader({ headers: 'x-test', code, preflight: code, location: '{other}/s/{id}/1' }) }, { host: 'other', ...makeheader({ headers: 'x-test' }) }],
    ok ? { outcome: 'allowed', status: code } : { outcome: 'blocked' });
}

// cors/status.htm: allowed or not, a preflight's status, the response's status.
{
  const file = 'cors/status.htm';
  const testit = (n, allow, preflight, response, status) =>
    wpt(file, `${n}. ${allow ? 'CORS allowed' : 'CORS disallowed'}${preflight ? `, preflight status ${preflight}` : ''}${response ? `, response status ${response}` : ''}.`,
      { method: 'GET', headers: preflight ? [['X-Custom', 'preflight']] : [] },
      at('other', makeheader({ ...(allow ? { headers: 'x-custom' } : { origin: 'none' }), ...(response ? { code: response } : {}), ...(preflight ? { preflight } : {}) })),
      status ? { outcome: 'allowed', status } : { outcome: 'blocked' });
  testit(1, false, null, 400, 0);
  testit(2, false, 200, null, 0);
  testit(3, true, null, 400, 400);
  testit(4, true, 200, 400, 400);
  testit(5, true, 400, null, 0);
}

// cors/status-preflight.htm (cors/resources/status.py): the response's status after a passed preflight. (Not
// ported: method CHICKEN, which the recording server's parser refuses.)
for (const [method, code] of [['GET', 200], ['GET', 204], ['GET', 400], ['GET', 401], ['HEAD', 200], ['HEAD', 204], ['HEAD', 400], ['HEAD', 401], ['HEAD', 501], ['HEAD', 699], ['POST', 204], ['POST', 400], ['POST', 401], ['POST', 404], ['PUT', 699]]) {
  const common = [['Access-Control-Allow-Origin', '{origin}'], ['Access-Control-Expose-Headers', 'X-Request-Method'], ['Access-Control-Allow-Headers', 'x-nonsimple']];
  wpt('cors/status-preflight.htm', `CORS - status after preflight on ${method} ${code}`, { method, headers: [['x-nonsimple', 'true']] }, at('other', {
    preflight: { status: 200, headers: [...common, ['Access-Control-Allow-Methods', 'GET, CHICKEN, HEAD, POST, PUT'], ['X-Request-Method', 'OPTIONS']] },
    response: { status: code, headers: [...common, ['X-Request-Method', method]], body: '' },
  }), { outcome: 'allowed', status: code, preflight: true });
}

// cors/origin.htm: Access-Control-Allow-Origin values (cors-makeheader with `origin`, and `origin2` for a second
// header). (Not ported: values with a NUL, which no server can send.)
{
  const file = 'cors/origin.htm';
  const host = '127.0.0.1:{PORT}';
  const pass = (value) => wpt(file, `Allow origin: ${value.replace(/\t/g, '[tab]').replace(/ /g, '_')}`, { method: 'GET' }, at('other', makeheader({ origin: value })), { outcome: 'allowed', status: 200 });
  const fail = (value) => wpt(file, `Disallow origin: ${value}`, { method: 'GET' }, at('other', makeheader({ origin: value })), { outcome: 'blocked' });
  for (const value of ['*', ' *  ', '\t*', '{origin}', ' {origin}', ' {origin}   \t ', '\t{origin}']) pass(value);
  for (const value of [
    `http://www1.${host}`, `//${host}`, `://${host}`, `ftp://${host}`, `http:://${host}`, `http:/${host}`, `http:${host}`, host, '{origin}?', '{origin}/',
    '{origin} /', '{origin}#', '{origin}%23', '{origin}:80', '{origin}, *', `HTTP://${host}`, '-', '**', "'*'", '"*"', '* *', '* null', '*http://*',
    '*{origin}', '* {origin}', '*, {origin}', 'null {origin}', 'http://example.net', 'null', 'null *', '', '{origin}/', '{other}/cors/', '0.0.1:{PORT}',
    '.0.0.1:{PORT}', '*.0.0.1:{PORT}', 'http://0.0.1:{PORT}', 'http://.0.0.1:{PORT}', 'http://*.0.0.1:{PORT}',
  ]) fail(value);
  for (const [origin, origin2] of [['', '*'], ['*', ''], ['*', '*'], ['', '{origin}'], ['*', '{origin}'], ['{origin}', '{origin}']]) {
    wpt(file, `Disallow multiple headers (${origin}, ${origin2})`, { method: 'GET' }, at('other', makeheader({ origin, origin2 })), { outcome: 'blocked' });
  }
}

/** The cases as scenarios for scripts/conformance/harness.mjs (`{id}` in a Location becomes the case's id). */
export function toScenarios() {
  return cases.map((c) => {
    const hops = JSON.parse(JSON.stringify(c.hops).replaceAll('{id}', c.id).replace(/"\{(api|other)\}"/g, '"{$1}"'));
    const { init, ...request } = c.request;
    const scenario = { id: c.id, note: `${c.wpt}: ${c.name}`, hops };
    if (c.expect.steps) {
      scenario.fetches = [{ request: { ...request, ...(init ? { init } : {}) } }, { request: { ...request, ...c.expect.second, ...(init ? { init } : {}) } }];
    } else {
      scenario.request = { ...request, ...(init ? { init } : {}) };
    }
    return scenario;
  });
}
