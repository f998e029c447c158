// Turn a harness.mjs recording into a compact fixture for test/conformance/recorded/<name>/.
// usage: node scripts/conformance/import-recording.mjs RESULTS.json OUT.json [--wire all]
//
// Console messages go into each result's `console` (each step's, for scenarios with several fetches):
//  - Chromium: the page's console messages in its log (RESULTS.json.log): `Access to fetch at ...` and the others;
//  - Firefox: the page's error and warning messages received through WebDriver BiDi (`consoleEntries`), in order,
//    one per line;
//  - WebKit: the page's console lines from RESULTS.json.log (`CONSOLE <source> <level> <text>`), the text of each,
//    one per line.
// Recordings made with scripts/conformance/harness.mjs mark where each scenario (and step) starts in the
// console; older ones (../shared/conformance/harness.mjs, Chromium only) are matched by the scenario id in the URL.
// Of each result only what agreement compares is kept (outcome, status, type, readable header names, console);
// of each received request only the headers agreement compares (origin, access-control-request-*),
// unless `--wire all`: then every header but the connection-level ones (host, connection, content-length), and
// the file says so in `wireHeaders: "all"`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const [, , input, output, flag, flagValue] = process.argv;
if (!input || !output || (flag && !(flag === '--wire' && flagValue === 'all'))) {
  console.error('usage: node scripts/conformance/import-recording.mjs RESULTS.json OUT.json [--wire all]');
  process.exit(2);
}
const wireAll = flag === '--wire';
const recorded = JSON.parse(readFileSync(input, 'utf8'));
const engine = recorded.engine;
const keep = new Set(['origin', 'access-control-request-method', 'access-control-request-headers']);
const connectionLevel = new Set(['host', 'connection', 'content-length']);
const log = existsSync(`${input}.log`) ? readFileSync(`${input}.log`, 'utf8') : '';

/** Console messages by scenario id and step: Map<id, string[][]>. */
const messages = new Map();
let current = null;
function add(id, step, text) {
  if (!messages.has(id)) messages.set(id, []);
  const steps = messages.get(id);
  while (steps.length <= step) steps.push([]);
  steps[step].push(text);
}
function marker(text) {
  const m = /corsproof-(scenario|step) ([\w.-]+)(?: (\d+))?/.exec(text);
  if (!m) return false;
  current = { id: m[2], step: m[1] === 'step' ? Number(m[3]) : 0 };
  return true;
}

if (engine === 'firefox' && recorded.consoleEntries) {
  for (const entry of recorded.consoleEntries) {
    if (marker(entry.text)) continue;
    if (current && entry.type === 'javascript') add(current.id, current.step, entry.text);
  }
} else if (engine === 'webkit') {
  for (const line of log.split('\n')) {
    const m = /CONSOLE (?:(\w+) )?(ERROR|WARNING|WARN|LOG|INFO|DEBUG) (.*)$/.exec(line);
    if (!m) continue;
    if (marker(m[3])) continue;
    if (current && m[2] !== 'INFO' && m[2] !== 'LOG' && m[2] !== 'DEBUG') add(current.id, current.step, m[3]);
  }
} else if (/:CONSOLE:\d+\] "corsproof-/.test(log)) {
  // Chromium's log: `[pid:tid:time:INFO:CONSOLE:line] "<message>", source: <url> (line)`; a message may span lines.
  for (const m of log.matchAll(/:CONSOLE:\d+\] "([\s\S]*?)", source: /g)) {
    if (marker(m[1])) continue;
    if (current) add(current.id, current.step, m[1]);
  }
} else {
  // Recordings made without scenario markers (../shared/conformance/harness.mjs): CORS messages by their URL.
  for (const line of log.split('\n')) {
    const m = /(Access to fetch at .*?)(", source|$)/.exec(line);
    const id = m && /\/s\/([^/]+)\//.exec(m[1])?.[1];
    if (id) add(id, 0, m[1]);
  }
}

/** The messages of one fetch, one per line (Chromium prints one; Firefox and WebKit several). */
function consoleText(lines) {
  if (!lines || lines.length === 0) return undefined;
  return lines.join('\n');
}

/** Keep what agreement compares: the outcome, status, type and readable header names (not the body or the URL). */
function strip(r) {
  for (const key of ['ms', 'error', 'body', 'bodyError', 'url', 'redirected']) delete r[key];
}

for (const [id, r] of Object.entries(recorded.results)) {
  const found = messages.get(id) ?? [];
  if (r.steps) {
    r.steps.forEach((step, k) => {
      strip(step);
      const text = step.outcome === 'blocked' ? consoleText(found[k]) : undefined;
      if (text !== undefined) step.console = text;
    });
  } else if (r.outcome === 'blocked' && !r.console) {
    const text = consoleText(found[0]);
    if (text !== undefined) r.console = text;
  }
  strip(r);
  r.received = (r.received ?? []).map((x) => ({
    ...x,
    headers: x.headers.filter(([n]) => (wireAll ? !connectionLevel.has(n) : keep.has(n))),
  }));
}
delete recorded.consoleEntries;
if (wireAll) recorded.wireHeaders = 'all';
writeFileSync(output, JSON.stringify(recorded));
console.log(`${output}: ${Object.keys(recorded.results).length} results`);
