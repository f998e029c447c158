/**
 * HAR replay: a HAR exported by Chromium's developer tools from the example app (recorded for real with
 * examples/playwright/record-har.mjs), and what explainHar does where a HAR lacks what the replay needs.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/index.js';
import { explainHar } from '../../src/explain/har.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { consoleLine } from '../../src/report/describe.js';
import type { Har } from '../../src/transports/har.js';
import { fromHar } from '../../src/transports/har.js';
import { CLI, cli, requireBuild } from '../cli/helpers.js';

const HAR_FILE = fileURLToPath(new URL('./fixtures/example-app.har', import.meta.url));
const recorded = (): Har => JSON.parse(readFileSync(HAR_FILE, 'utf8'));

describe('the example app, recorded in Chromium', () => {
  it('is a HAR of Chromium\'s developer tools with the preflight and the blocked request', () => {
    const har = recorded();
    expect(har.log.creator?.name).toBe('WebInspector');
    expect(har.log.entries.map((e) => `${e.request.method} ${e._resourceType}`)).toEqual(['GET document', 'GET script', 'GET fetch', 'OPTIONS preflight', 'PUT fetch']);
  });

  it('replays each cross-origin request: the profile loads, the save is blocked at the preflight in every engine', async () => {
    const explained = await explainHar(recorded());
    expect(explained.skipped).toMatchObject({ preflights: 1, notCors: 2 });
    const [load, save] = explained.requests;
    expect(load.method).toBe('GET');
    expect(load.verdicts.map((v) => v.allowed)).toEqual([true, true, true]);
    expect(save.method).toBe('PUT');
    expect(save.recorded).toMatchObject({ failed: true, error: 'net::ERR_FAILED' });
    expect(save.complete).toBe(true);
    expect(save.request.headers).toContainEqual(['x-csrf-token', 'c5rf-7f3a']);
    expect(save.verdicts.map((v) => [v.engine, v.code])).toEqual([
      ['chromium', 'HeaderDisallowedByPreflightResponse'],
      ['firefox', 'HeaderDisallowedByPreflightResponse'],
      ['webkit', 'HeaderDisallowedByPreflightResponse'],
    ]);
    for (const v of save.verdicts) {
      expect(v.message).toBe(consoleLine(v.verdict, v.engine)!.message);
      expect(v.fix).toBe("Add 'x-csrf-token' to 'Access-Control-Allow-Headers' on the preflight response.");
    }
    expect(save.verdicts[0].message).toContain('Request header field x-csrf-token is not allowed by Access-Control-Allow-Headers in preflight response.');
    expect(save.verdicts[1].key).toBe('CORSMissingAllowHeaderFromPreflight');
    // Only the recorded answers were used: the preflight the replay sent is the one in the HAR.
    expect(save.verdicts[0].verdict.exchanges.map((e) => `${e.kind} ${e.response?.status}`)).toEqual(['preflight 204']);
  });

  it('says what is missing instead of guessing when the HAR lacks the preflight (as Playwright\'s recorder does)', async () => {
    const har = recorded();
    har.log.entries = har.log.entries.filter((e) => e._resourceType !== 'preflight');
    const save = (await explainHar(har)).requests.find((r) => r.method === 'PUT')!;
    expect(save.complete).toBe(false);
    expect(save.verdicts).toEqual([]);
    expect(save.missing).toMatch(/no preflight \(OPTIONS\) entry for OPTIONS http:\/\/127\.0\.0\.1:\d+\/profile/);
    expect(save.notes.join(' ')).toMatch(/Playwright's leaves out preflights/);
  });

  it('takes credentials from a Cookie header, and the page origin from --origin when the HAR does not show it', async () => {
    const har = recorded();
    const put = har.log.entries.find((e) => e.request.method === 'PUT')!;
    put.request.headers.push({ name: 'Cookie', value: 'session=1' });
    const save = (await explainHar(har, { origin: 'https://other.example' })).requests.find((r) => r.method === 'PUT')!;
    expect(save.credentials).toEqual({ mode: 'include', from: 'cookie' });
    expect(save.origin).toBe('https://other.example');
  });

  it('explain() takes the HAR as text or object', async () => {
    const fromText = await explain(readFileSync(HAR_FILE, 'utf8'));
    const fromObject = await explain(recorded());
    expect(fromText.kind).toBe('har');
    expect(fromObject.kind).toBe('har');
  });

  it('fromHar answers from the recording and never from the network', async () => {
    const transport = fromHar(recorded());
    const har = recorded();
    const get = har.log.entries.find((e) => e._resourceType === 'fetch' && e.request.method === 'GET')!;
    const response = await transport.send({ method: 'GET', url: get.request.url, headers: [], body: null }, { signal: new AbortController().signal });
    expect(response.status).toBe(200);
    await expect(transport.send({ method: 'GET', url: 'http://127.0.0.1:9/not-recorded', headers: [], body: null }, { signal: new AbortController().signal })).rejects.toThrow(/no entry for GET/);
  });

  it('bad HARs get typed errors', async () => {
    await expect(explainHar('{ not json')).rejects.toThrow(InvalidArgumentError);
    await expect(explainHar({ log: {} } as unknown as Har)).rejects.toThrow(/no log.entries list/);
    await expect(explainHar({ log: { entries: [{ request: {} }] } } as unknown as Har)).rejects.toThrow(/log.entries\[0\]/);
  });
});

describe('corsproof explain', () => {
  requireBuild();

  it('--har replays the recorded HAR and exits 1 because a request is blocked', async () => {
    const r = await cli(['explain', '--har', HAR_FILE]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('HAR from WebInspector: 2 cross-origin requests replayed');
    expect(r.stdout).toContain('chromium blocked (HeaderDisallowedByPreflightResponse)');
    expect(r.stdout).toContain("Fix: Add 'x-csrf-token' to 'Access-Control-Allow-Headers' on the preflight response.");
  });

  it('a console line as argument: exit 0, reason, check and fix', async () => {
    const line = "Access to XMLHttpRequest at 'https://api.example/items' from origin 'http://localhost:3000' has been blocked by CORS policy: Method PATCH is not allowed by Access-Control-Allow-Methods in preflight response.";
    const r = await cli(['explain', line]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('MethodDisallowedByPreflightResponse');
    expect(r.stdout).toContain("Fix: Add PATCH to 'Access-Control-Allow-Methods' on the preflight response");
  });

  it('reads standard input, and marks a cut-off message as not certain (exit 1)', async () => {
    const r = await new Promise<{ code: number; stdout: string }>((resolve) => {
      const child = execFile(process.execPath, [CLI, 'explain', '--json'], { encoding: 'utf8' }, (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }));
      child.stdin!.end("Access to fetch at 'https://api.example/x' from origin 'https://app.example' has been blocked by CORS policy: Response to preflight request doesn't pass access control check:");
    });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.kind).toBe('messages');
    expect(json.messages[0].certain).toBe(false);
    expect(json.messages[0].candidates[0].code).toMatch(/^Preflight/);
  });

  it('bad input exits 2 with a message', async () => {
    const missing = await cli(['explain', '--har', '/nonexistent/file.har']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Invalid file: '/nonexistent/file.har' does not exist");
    const notHar = await cli(['explain', '--har', CLI]);
    expect(notHar.code).toBe(2);
    expect(notHar.stderr).toContain('is not a HAR');
  });
});
