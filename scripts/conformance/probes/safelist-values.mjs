// A probe corpus for the values of CORS-safelisted request-headers, byte by byte: which values of `Accept`,
// `Accept-Language`, `Content-Language`, `Content-Type`, `Range` and the client hints (`DPR`, `Width`,
// `Viewport-Width`, `Save-Data`, `Downlink`, `Device-Memory`, `RTT`, `ECT`) each engine sends without a
// preflight. Every scenario sends one GET (or a few headers at once for the 1024-byte total) from the page to
// `api`; the preflight and the response allow everything, so the outcome is the same whatever the engine
// decides and the wire (was there an OPTIONS, what did `Access-Control-Request-Headers` list) is the answer.
// usage: node scripts/conformance/probes/safelist-values.mjs > scenarios.json
const out = [];
let i = 0;
const allow = [['access-control-allow-origin', '{origin}']];
const preflight = { status: 204, headers: [...allow, ['access-control-allow-methods', 'GET, POST, PUT'], ['access-control-allow-headers', '*']] };
const ok = { status: 200, headers: allow, body: 'ok' };

function scenario(headers, note, method = 'GET') {
  out.push({
    id: `v${String(i++).padStart(5, '0')}`,
    note,
    request: { method, headers, credentials: 'omit', mode: 'cors', redirect: 'follow', ...(method === 'POST' ? { body: 'x' } : {}) },
    hops: [{ host: 'api', preflight, response: ok }],
  });
}

// fetch() rejects NUL, LF and CR in a header value (and strips leading and trailing HTTP whitespace), so those
// bytes never reach the safelist; every other byte is walked.
const BYTES = [];
for (let b = 0x01; b <= 0xff; b++) if (b !== 0x0a && b !== 0x0d) BYTES.push(b);

/** Each template is [name, before, after]: the byte goes between. */
const BYTE_TEMPLATES = [
  ['accept', 'text/', 'html'],
  ['accept-language', 'en-', 'US'],
  ['content-language', 'de-', 'DE'],
  ['content-type', 'text/pl', 'ain'],
  ['content-type', 'text/plain;charset=', 'utf-8'],
  ['content-type', 'text/plain; a="', '"'],
  ['range', 'bytes=1', '-2'],
  ['range', 'bytes', '=1-2'],
  ['dpr', '1', '.5'],
  ['width', '10', '0'],
  ['viewport-width', '10', '0'],
  ['save-data', 'o', 'n'],
  ['downlink', '1', '.5'],
  ['device-memory', '0', '.5'],
  ['rtt', '5', '0'],
  ['ect', '4', 'g'],
];
for (const [name, before, after] of BYTE_TEMPLATES) {
  for (const b of BYTES) scenario([[name, before + String.fromCharCode(b) + after]], `${name} byte 0x${b.toString(16).padStart(2, '0')}`);
}

// Grammars: valid and invalid values of each header, case, whitespace, separators.
const VALUES = {
  accept: ['*/*', 'application/json', 'text/html, application/xhtml+xml;q=0.9, */*;q=0.8', '', ' ', 'a', '"', 'text/*;q="0.5"', 'x{y}', 'ünïcödé', '\t*/*'],
  'accept-language': ['en', 'en-US,en;q=0.9', '*', 'de-CH, fr;q=0.5', '', 'en_US', 'en-US;q=0,5', 'zh-Hant-TW', 'en US', 'en/US', "en'", 'en+us', 'x-klingon', '1', 'é'],
  'content-language': ['en', 'de-DE, en', '', '*', 'en_GB', 'mi-NZ;q=1', 'en\tUS', 'en:US', 'é'],
  'content-type': [
    'text/plain', 'TEXT/PLAIN', 'Text/Plain', 'text/plain;charset=UTF-8', 'text/plain; charset=utf-8', 'text/plain ;charset=utf-8',
    'text/plain;', 'text/plain;;', 'text/plain;charset', 'text/plain;=x', 'text/plain;charset=', 'text/plain;a=b;c=d',
    'text/plain; charset="utf-8"', 'text/plain;charset="a;b"', 'text/plain, application/json', 'application/json, text/plain',
    'text/plain,text/html', 'multipart/form-data', 'multipart/form-data; boundary=something', 'MULTIPART/FORM-DATA; boundary=X',
    'application/x-www-form-urlencoded', 'application/x-www-form-urlencoded;charset=UTF-8', 'APPLICATION/X-WWW-FORM-URLENCODED',
    'application/json', 'application/json;charset=utf-8', 'text/html', 'text/plain+json', 'text/plainx', 'text/plai', 'text /plain',
    'text/ plain', 'text\t/plain', '/plain', 'text/', 'text', '', ' text/plain', 'text/plain ', 'text/plain\t', '\ttext/plain',
    'text/plain;\tcharset=utf-8', 'text/plain;charset=utf-8;charset=latin1', 'text/plain; charset=(x)', 'text/plain; x=é',
    'tëxt/plain', 'text/plaiñ', 'text/plain;charset=utf-8 ', 'text/plain;  ;charset=x', 'text/plain;charset=utf\t8',
    'text/plain;{}', 'text/plain;x=[y]', 'text/plain;x=<y>', 'text/plain;x=?', 'text/plain;x=@', 'text/plain; x="a\\"b"',
  ],
  range: [
    'bytes=0-', 'bytes=0-0', 'bytes=1-2', 'bytes=0-100', 'bytes=100-0', 'bytes=5-5', 'bytes=-5', 'bytes=-', 'bytes=', 'bytes',
    'Bytes=0-', 'BYTES=0-', 'bytes =0-', 'bytes= 0-', 'bytes=0 -', 'bytes=0- ', 'bytes=0-1,2-3', 'bytes=0-1, 2-3', 'bytes=00-01',
    'bytes=1-02', 'bytes=+1-2', 'bytes=1-+2', 'bytes=0x1-2', 'bytes=1.0-2', 'bytes=1-2.0', 'bytes=1--2', 'bytes==1-2',
    'items=0-5', 'bytes=99999999999999999999-', 'bytes=18446744073709551615-', 'bytes=18446744073709551616-',
    'bytes=9007199254740993-9007199254740992', 'bytes=9223372036854775807-', 'bytes=9223372036854775808-',
    'bytes=1-9223372036854775807', 'bytes=1-9223372036854775808', 'bytes=9223372036854775806-9223372036854775807', 'bytes=1-99999999999999999999', 'bytes=0-\t', 'bytes\t=0-', 'byte=0-', 'bytes=a-b',
  ],
  dpr: ['1', '2.0', '1.5', '0', '0.5', '.5', '1.', '1..5', '1.5.2', '-1', '+1', '1e2', 'abc', '', '1 ', ' 1', '00'],
  width: ['100', '0', '00100', '1.5', '-1', '+1', 'abc', '', '1e3', '99999999999999999999'],
  'viewport-width': ['1920', '0', '1.0', '-5', 'wide', ''],
  'save-data': ['on', 'ON', 'On', 'off', 'yes', '1', '', 'on ', 'on;x', 'onn'],
  downlink: ['10', '1.5', '0.25', '.5', 'fast', '-1', ''],
  'device-memory': ['8', '0.5', '0.25', '4.0', '1.', 'lots', '-2', ''],
  rtt: ['50', '0', '100.5', 'slow', '-1', ''],
  ect: ['4g', '3g', '2g', 'slow-2g', '5g', '4G', 'fast', '', '4g ', 'offline', 'unknown', 'Slow-2g'],
};
for (const [name, values] of Object.entries(VALUES)) for (const v of values) scenario([[name, v]], `${name} value`);

// The 128-byte limit on one value, per header.
const FILL = {
  accept: (n) => 'a'.repeat(n),
  'accept-language': (n) => 'a'.repeat(n),
  'content-language': (n) => 'a'.repeat(n),
  'content-type': (n) => `text/plain;x=${'a'.repeat(n - 13)}`,
  range: (n) => `bytes=${'0'.repeat(n - 7)}-`,
  dpr: (n) => '1'.repeat(n),
  width: (n) => '1'.repeat(n),
  'viewport-width': (n) => '1'.repeat(n),
  downlink: (n) => '1'.repeat(n),
  'device-memory': (n) => '1'.repeat(n),
  rtt: (n) => '1'.repeat(n),
  ect: (n) => '4'.repeat(n - 1) + 'g',
};
for (const [name, fill] of Object.entries(FILL)) for (const n of [127, 128, 129, 200]) scenario([[name, fill(n)]], `${name} length ${n}`);

// The 1024-byte total over the safelisted values (and what counts: names, repeats, unsafe headers).
const LANGS = ['accept', 'accept-language', 'content-language', 'accept', 'accept-language', 'content-language', 'accept', 'accept-language', 'content-language'];
for (const total of [1023, 1024, 1025, 1100]) {
  const parts = [];
  let left = total;
  for (const name of LANGS) {
    if (left <= 0) break;
    const n = Math.min(120, left);
    parts.push([name, 'a'.repeat(n)]);
    left -= n;
  }
  scenario(parts, `total ${total} over repeated names`);
}
for (const total of [1024, 1025]) {
  const parts = [];
  let left = total;
  for (let k = 0; left > 0; k++) {
    const name = ['accept', 'accept-language', 'content-language', 'content-type', 'dpr', 'width', 'viewport-width', 'device-memory', 'downlink', 'rtt'][k];
    const n = Math.min(110, left);
    const value = name === 'content-type' ? `text/plain;x=${'a'.repeat(n - 13)}` : ['accept', 'accept-language', 'content-language'].includes(name) ? 'a'.repeat(n) : '1'.repeat(n);
    parts.push([name, value]);
    left -= n;
  }
  scenario(parts, `total ${total} over distinct names, client hints included`);
}
scenario([['accept', 'a'.repeat(120)], ['accept', 'a'.repeat(120)], ['accept', 'a'.repeat(120)], ['accept', 'a'.repeat(120)], ['accept', 'a'.repeat(120)], ['accept', 'a'.repeat(120)], ['accept', 'a'.repeat(120)], ['accept', 'a'.repeat(120)], ['accept', 'a'.repeat(70)]], 'one name repeated: 1030 bytes in 9 values');
scenario([['accept', 'a'.repeat(100)], ['accept', 'a'.repeat(30)]], 'two accept values of 130 bytes combined');
scenario([['x-custom', 'a'.repeat(1000)], ['accept', 'a'.repeat(100)]], 'an unsafe header does not count towards the total');
// Headers that combine: the combined value is what a server sees.
scenario([['content-type', 'text/plain'], ['content-type', 'text/html']], 'content-type twice');
scenario([['range', 'bytes=0-'], ['range', 'bytes=1-']], 'range twice');
scenario([['accept-language', 'en'], ['accept-language', 'é']], 'accept-language twice, second unsafe');
// Methods: the same headers on POST (body: text/plain is added by fetch).
for (const v of ['text/plain', 'application/json', 'text/plain;charset=UTF-8']) scenario([['content-type', v]], 'content-type on POST', 'POST');
scenario([['range', 'bytes=0-']], 'range on POST', 'POST');
// Edges found by the walks above, probed further: the content-type parsers' treatment of empty parameters,
// trailing semicolons and commas; range numbers around 2^53, 2^63 and 2^64, signs, case and whitespace that
// some parsers skip (0x0B, 0x0C).
const EDGES = {
  'content-type': [
    'text/plain;;', 'text/plain; ;', 'text/plain;a', 'text/plain;a;', 'text/plain;a;b=c', 'text/plain;=', 'text/plain;==',
    'text/plain;,', 'text/plain,', ',text/plain', 'text/plain;x=,', 'text/plain; charset=utf-8;', 'text/plain;charset=utf-8;;',
    'text/plain;;charset=utf-8', 'text/plain;a=b;;', 'text/plain ;;', 'text/plain;;;', 'text/plain;charset;', 'text/plain;charset=;',
    'text/plain;=x;', 'text/plain;x=y=z', 'text/plain;x =y', 'text/plain;x= y', 'text/plain; x', 'text/plain x',
    'multipart/form-data;;', 'application/x-www-form-urlencoded;', 'text/plain;a; ', 'text/plain ; ', 'text/plain;\t;',
    'text/plain\u000b', 'text/plain;\u000b', 'text/plain;x=\u000b', '\u000btext/plain', 'text/plain;x=\u0080',
  ],
  range: [
    'bytes=9007199254740991-', 'bytes=9007199254740992-', 'bytes=9007199254740993-', 'bytes=1000000000000000-',
    'bytes=10000000000000000-', 'bytes=100000000000000000-', 'bytes=1000000000000000000-', 'bytes=4611686018427387904-',
    'bytes=9223372036854775806-', 'bytes=0-9007199254740992', 'bytes=0-9007199254740993', 'bytes=0-4611686018427387904',
    'bytes=0-1000000000000000000', 'bytes=0-9223372036854775806', 'bytes=2-1', 'bytes=9007199254740992-9007199254740993',
    'bytes=18446744073709551614-18446744073709551615', 'bytes=0-18446744073709551615', 'bytes=0-18446744073709551616',
    'bytes=\u000b0-1', 'bytes=0\u000b-1', 'bytes=0-\u000b1', 'bytes=0-1\u000b', 'bytes\u000b=0-1', 'bytes=\u000c0-',
    'bytes=0\u000c-', 'bytes=0-\u000c', 'bYtEs=0-', 'BYTES=0-1', 'bytes=+0-', 'bytes=-0', 'bytes=0-+1', 'bytes=1 ', 'bytes=0- 1',
    'bytes=0 -1', 'bytes=0-1 ', 'bytes=-', 'bytes=00000000000000000000001-', 'bytes=0-00000000000000000000001',
  ],
  accept: ['\u0080', 'a\u00ff', 'text/html;q=0.9', 'a,b', '*'],
  'accept-language': ['en-US\u000b', 'en\u0080'],
};
for (const [name, values] of Object.entries(EDGES)) for (const v of values) scenario([[name, v.replace(/\\u([0-9a-f]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16))).replace(/\\t/g, '\t')]], `${name} edge`);
process.stdout.write(JSON.stringify(out));
