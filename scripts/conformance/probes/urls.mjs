// A probe corpus for URLs byte by byte: every byte a server can send in a redirect's Location (in the path, the
// query and the fragment of the next URL), and every byte in the path and query of the URL fetch() is called with.
// The next hop (or the only one) answers without Access-Control-Allow-Origin, so each engine's console names the
// URL as its parser serialized it: which characters it percent-encodes, how it reads a Location's bytes 0x80-0xFF.
// usage: node scripts/conformance/probes/urls.mjs > scenarios.json
const out = [];
let i = 0;
const BYTES = [0x09]; for (let b = 0x20; b <= 0x7e; b++) BYTES.push(b); for (let b = 0x80; b <= 0xff; b++) BYTES.push(b);
const hex = (b) => `0x${b.toString(16).padStart(2, '0')}`;
for (const b of BYTES) { const c = String.fromCharCode(b);
  for (const [where, loc] of [['query', `{hop1}?q=a${c}b`], ['path', `{hop1}/a${c}b`], ['fragment', `{hop1}#a${c}b`]]) {
    out.push({ id: `y${String(i++).padStart(4, '0')}`, note: `Location with ${hex(b)} in the ${where}`, request: { method: 'GET', credentials: 'omit', mode: 'cors' },
      hops: [{ host: 'api', response: { status: 302, headers: [['access-control-allow-origin', '{origin}'], ['location', loc]], body: '' } }, { host: 'other', response: { status: 200, headers: [], body: 'x' } }] });
  }
}
// Valid UTF-8 in a Location (é, €, 😀 as their bytes) and a mix of valid and invalid bytes.
for (const [what, bytes] of [['é', '\u00c3\u00a9'], ['€', '\u00e2\u0082\u00ac'], ['U+1F600', '\u00f0\u009f\u0098\u0080'], ['é then 0x80', '\u00c3\u00a9\u0080'], ['a cut sequence', '\u00e2\u0082']]) {
  for (const [where, loc] of [['query', `{hop1}?q=${bytes}`], ['path', `{hop1}/${bytes}`]]) {
    out.push({ id: `y${String(i++).padStart(4, '0')}`, note: `Location with ${what} (UTF-8 bytes) in the ${where}`, request: { method: 'GET', credentials: 'omit', mode: 'cors' },
      hops: [{ host: 'api', response: { status: 302, headers: [['access-control-allow-origin', '{origin}'], ['location', loc]], body: '' } }, { host: 'other', response: { status: 200, headers: [], body: 'x' } }] });
  }
}
// The URL fetch() is called with, a byte in its path, query or fragment; the response blocks (no ACAO) so the console names the URL.
for (const b of BYTES) { const c = String.fromCharCode(b);
  for (const [where, suffix] of [['query', `?q=a${c}b`], ['path', `/a${c}b`]]) {
    const id = `y${String(i++).padStart(4, '0')}`;
    out.push({ id, note: `fetch URL with ${hex(b)} in the ${where}`, request: { method: 'GET', credentials: 'omit', mode: 'cors', url: `{api}/s/${id}/0${suffix}` },
      hops: [{ host: 'api', response: { status: 200, headers: [], body: 'x' } }] });
  }
}
process.stdout.write(JSON.stringify(out));
