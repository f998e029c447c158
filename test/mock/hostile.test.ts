// The mock's default report of a blocked request prints what the server sent: escaped, never raw control bytes.
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCorsFetch } from '../../src/mock/index.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createCorsFetch against a hostile mock', () => {
  it('logs the console line with the escape sequence the server sent shown, not acted on', async () => {
    const logged: unknown[][] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args);
    });
    const handlers = [http.get('https://api.example/me', () => HttpResponse.json({}, { headers: { 'access-control-allow-origin': 'https://app.example\u001b[2J' } }))];
    const fetch = createCorsFetch({ origin: 'https://app.example', target: handlers });
    await expect(fetch('https://api.example/me')).rejects.toThrow(TypeError);
    expect(logged).toHaveLength(1);
    const line = String(logged[0][0]);
    expect(line).toContain("invalid value 'https://app.example\\x1b[2J'");
    expect(line).not.toMatch(/\u001b/);
  });

  it("onBlocked 'warn' and 'throw' show the same escaped message: the error a test runner prints carries no raw escape", async () => {
    const warned: unknown[][] = [];
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      warned.push(args);
    });
    const handlers = [http.get('https://api.example/me', () => HttpResponse.json({}, { headers: { 'access-control-allow-origin': 'https://app.example\u001b]0;owned\u0007' } }))];
    await expect(createCorsFetch({ origin: 'https://app.example', target: handlers, onBlocked: 'warn' })('https://api.example/me')).rejects.toThrow(TypeError);
    expect(String(warned[0][0])).toContain("'https://app.example\\x1b]0;owned\\x07'");
    const error = (await createCorsFetch({ origin: 'https://app.example', target: handlers, onBlocked: 'throw' })('https://api.example/me').then(
      () => null,
      (e: unknown) => e,
    )) as Error;
    expect(error.name).toBe('CorsError');
    expect(error.message).toBe(String(warned[0][0]));
    expect(error.message).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});
