/**
 * explainMessage reads back every console message the emulator prints, for every reason code and engine, and the
 * messages real Chromium printed on the recorded corpus; anything else gets ranked guesses, never certainty.
 */
import { describe, expect, it } from 'vitest';
import { replay, type RecordedFile } from '../../scripts/conformance/compare.js';
import type { ScenarioSpec } from '../../scripts/conformance/scenario-transport.js';
import { explainMessage, splitMessages } from '../../src/explain/message.js';
import { BROWSER_ENGINES } from '../../src/engines/index.js';
import { REASON_CODES } from '../../src/matchers/reason-codes.js';
import { consoleLine, fixSentence } from '../../src/report/describe.js';
import { saidReason } from '../../src/report/said-reason.js';
import type { EngineName, ReasonCode, Verdict } from '../../src/types.js';
import { loadJson } from '../conformance/corpus.js';

const URL_ = 'https://api.example/v1/items?page=2';
const FIRST_URL = 'https://old.example/items';
const ORIGIN = 'https://app.example';

function hintFor(code: ReasonCode): string {
  if (code.startsWith('Method') || code === 'ForbiddenMethod' || code === 'MethodNotAllowedInNoCors') return 'PATCH';
  if (code.includes('AllowOrigin') || code.includes('MultipleAllowOrigin')) return 'https://a.example, https://b.example';
  if (code.includes('Credentials')) return 'TRUE';
  if (code === 'RedirectContainsCredentials') return 'https://user:pw@api.example/next';
  if (code === 'InvalidAllowMethodsPreflightResponse') return 'GET;POST';
  return 'x-csrf-token';
}

function verdict(engine: EngineName, code: ReasonCode, redirected: boolean, status?: number): Verdict {
  const reason = saidReason({
    code,
    url: URL_,
    initialUrl: redirected ? FIRST_URL : URL_,
    origin: ORIGIN,
    failedParameter: hintFor(code),
    ...(status === undefined ? {} : { status }),
  });
  return { engine, allowed: false, exchanges: [], reason };
}

describe('every message the emulator prints is recognised', () => {
  const cases = BROWSER_ENGINES.flatMap((engine) =>
    REASON_CODES.flatMap((code) => [false, true].flatMap((redirected) => [undefined, 404].map((status) => ({ engine, code, redirected, status })))),
  );
  it.each(cases)('$engine $code redirected=$redirected status=$status', ({ engine, code, redirected, status }) => {
    const v = verdict(engine, code, redirected, status);
    const line = consoleLine(v, engine);
    if (!line?.message) return; // this engine prints nothing for it
    const explained = explainMessage(line.message);
    expect(explained.certain).toBe(true);
    const mine = explained.candidates.find((c) => c.code === code);
    expect(mine, `${line.message} -> ${explained.candidates.map((c) => c.code).join(', ')}`).toBeDefined();
    expect(mine!.engines).toContain(engine);
    if (line.code) expect(mine!.key).toBe(line.code);
    if (line.message.includes(URL_)) expect(explained.url).toBe(URL_);
    if (line.message.includes(`'${ORIGIN}'`) || line.message.includes(`‘${ORIGIN}’`)) expect(explained.origin).toBe(ORIGIN);
    if (line.message.includes(hintFor(code)) && explained.value !== undefined) expect(explained.value).toBe(hintFor(code));
    if (redirected && line.message.includes(FIRST_URL)) expect(explained.initialUrl).toBe(FIRST_URL);
    // The fix is the one the emulator gives for the same failure whenever the message names the failed value.
    if (explained.candidates.length === 1 && explained.value !== undefined) expect(mine!.fix).toBe(fixSentence(v));
    expect(mine!.checked.length).toBeGreaterThan(20);
  });

  it('covers every code that some engine prints a message for', () => {
    const printed = new Set<ReasonCode>();
    for (const { engine, code, redirected, status } of cases) {
      const line = consoleLine(verdict(engine, code, redirected, status), engine);
      if (line?.message) printed.add(code);
    }
    // NetworkError and Timeout print Firefox's line; only what fetch() itself throws on prints no line anywhere.
    expect(REASON_CODES.filter((code) => !printed.has(code))).toEqual(['ForbiddenMethod', 'CredentialsInUrl', 'MethodNotAllowedInNoCors']);
  });

  it('names the request kind Chromium prints (fetch, XMLHttpRequest, ...) and tolerates what surrounds a pasted line', () => {
    const line = consoleLine(verdict('chromium', 'HeaderDisallowedByPreflightResponse', false), 'chromium')!.message;
    const xhr = line.replace('Access to fetch at', 'Access to XMLHttpRequest at');
    const pasted = `index.js:12 ${xhr.replace('has been blocked', 'has been\n   blocked')}  [Learn More]`;
    const explained = explainMessage(pasted);
    expect(explained.certain).toBe(true);
    expect(explained.candidates.map((c) => c.code)).toEqual(['HeaderDisallowedByPreflightResponse']);
    expect(explained.requestKind).toBe('XMLHttpRequest');
    expect(explained.value).toBe('x-csrf-token');
    expect(explained.candidates[0].fix).toContain("Add 'x-csrf-token' to 'Access-Control-Allow-Headers'");
  });

  it("reads Chromium's \\uXXXX escapes of a value's bytes 0x80-0xFF back into the bytes", () => {
    const message =
      "Access to fetch at 'https://api.example/x' from origin 'https://app.example' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'https://app.example\\u00E9' that is not equal to the supplied origin. Have the server send the header with a valid value.";
    const explained = explainMessage(message);
    expect(explained.candidates.map((c) => c.code)).toEqual(['AllowOriginMismatch']);
    expect(explained.value).toBe('https://app.example\u00e9');
  });

  it('says so when one message stands for several reasons (Firefox names one for any value that is not the origin)', () => {
    const line = consoleLine(verdict('firefox', 'AllowOriginMismatch', false, 200), 'firefox')!.message;
    const explained = explainMessage(line);
    expect(explained.certain).toBe(true);
    // (Its first line is also the first of a failed preflight's two.)
    expect(explained.candidates.map((c) => c.code).sort()).toEqual([
      'AllowOriginMismatch', 'InvalidAllowOriginValue', 'MultipleAllowOriginValues',
      'PreflightAllowOriginMismatch', 'PreflightInvalidAllowOriginValue', 'PreflightMultipleAllowOriginValues',
    ]);
    expect(explained.note).toMatch(/same message for 6 reasons/);
  });

  it('reads a failed preflight apart from a failed response in Firefox (its second line), with the status', () => {
    const line = consoleLine(verdict('firefox', 'PreflightMissingAllowOriginHeader', false, 200), 'firefox')!.message;
    const explained = explainMessage(line);
    expect(explained.candidates.map((c) => c.code)).toEqual(['PreflightMissingAllowOriginHeader']);
    expect(explained.status).toBe(200);
  });
});

describe('messages that match nothing whole', () => {
  const full = consoleLine(verdict('chromium', 'PreflightInvalidStatus', false), 'chromium')!.message;

  it('a cut-off message gets ranked candidates, not a verdict', () => {
    const cut = full.slice(0, full.indexOf('access control check:') + 'access control check:'.length);
    const explained = explainMessage(cut);
    expect(explained.certain).toBe(false);
    expect(explained.candidates.length).toBeGreaterThan(1);
    expect(explained.candidates.every((c) => c.code.startsWith('Preflight'))).toBe(true);
    expect(explained.candidates.map((c) => c.score)).toEqual([...explained.candidates.map((c) => c.score)].sort((a, b) => b - a));
    expect(explained.note).toMatch(/closest/);
  });

  it('a retyped message ranks the right reason first', () => {
    const explained = explainMessage('CORS error: request header x-api-key not allowed by Access-Control-Allow-Headers in preflight response');
    expect(explained.certain).toBe(false);
    expect(explained.candidates[0].code).toBe('HeaderDisallowedByPreflightResponse');
  });

  it('text that is not a CORS message gets no candidate', () => {
    const explained = explainMessage('Uncaught TypeError: Cannot read properties of undefined (reading "map")');
    expect(explained.candidates).toEqual([]);
    expect(explained.certain).toBe(false);
  });

  it('a reason code or Firefox key on its own is recognised', () => {
    expect(explainMessage('PreflightInvalidStatus').candidates.map((c) => c.code)).toEqual(['PreflightInvalidStatus']);
    expect(explainMessage('CORSMissingAllowHeaderFromPreflight2').candidates.map((c) => c.code)).toEqual(['HeaderDisallowedByPreflightResponse']);
    // An older Firefox's name of the same key.
    expect(explainMessage('CORSMissingAllowHeaderFromPreflight').candidates.map((c) => c.code)).toEqual(['HeaderDisallowedByPreflightResponse']);
  });

  it('splits pasted text into messages, joining lines broken inside a word', () => {
    const a = consoleLine(verdict('chromium', 'MissingAllowOriginHeader', false), 'chromium')!.message;
    const b = consoleLine(verdict('firefox', 'MethodDisallowedByPreflightResponse', false), 'firefox')!.message;
    const pasted = `${a.replace('Access-Control-Allow-Origin', 'Access-Control-\nAllow-Origin')}\nGET ${URL_} net::ERR_FAILED 200 (OK)\n${b}`;
    const pieces = splitMessages(pasted);
    expect(pieces).toHaveLength(2);
    expect(explainMessage(pieces[0]).candidates.map((c) => c.code)).toEqual(['MissingAllowOriginHeader']);
    expect(explainMessage(pieces[1]).candidates.map((c) => c.code)).toEqual(['MethodDisallowedByPreflightResponse']);
  });
});

describe('real Chromium console messages from the recorded corpus', () => {
  it('every one is recognised whole, as the reason the emulator gives for the same scenario', async () => {
    const scenarios = loadJson<ScenarioSpec[]>('scenarios.json');
    const recorded = loadJson<RecordedFile>('results-chromium.json');
    const { verdicts } = await replay(scenarios, 'chromium');
    let checked = 0;
    for (const s of scenarios) {
      const line = recorded.results[s.id]?.console;
      if (!line) continue;
      const explained = explainMessage(line);
      expect(explained.certain, line).toBe(true);
      expect(explained.candidates.map((c) => c.code)).toContain(verdicts.get(s.id)!.reason!.code);
      checked++;
    }
    expect(checked).toBeGreaterThan(400);
  });
});
