/**
 * The engine mapping the Playwright integration relies on, for all three engines: Playwright's browser names,
 * and the messages Firefox and WebKit print (console, or a failed request's error text) read back into failures.
 * Firefox and WebKit themselves are not run here (Playwright's own builds cannot be downloaded on this machine).
 */
import { describe, expect, it } from 'vitest';
import { explainMessage } from '../../src/explain/message.js';
import { BROWSER_ENGINES } from '../../src/engines/index.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { engineOfBrowserName, engineOfContext } from '../../src/playwright/engine.js';
import { fromExplanation, readsAsCors } from '../../src/playwright/watch.js';
import { consoleLine } from '../../src/report/describe.js';
import { saidReason } from '../../src/report/said-reason.js';
import type { EngineName, ReasonCode } from '../../src/types.js';

describe('engine of a Playwright browser', () => {
  it.each([
    ['chromium', 'chromium'],
    ['firefox', 'firefox'],
    ['webkit', 'webkit'],
    ['_bidiFirefox', 'firefox'],
    ['_bidiChromium', 'chromium'],
  ])('%s -> %s', (name, engine) => {
    expect(engineOfBrowserName(name)).toBe(engine);
  });

  it('an unknown browser name is a typed error', () => {
    expect(() => engineOfBrowserName('netscape')).toThrow(InvalidArgumentError);
  });

  it('a context without a Browser (persistent) needs options.engine', () => {
    expect(() => engineOfContext({ browser: () => null })).toThrow(/options\.engine/);
    expect(engineOfContext({ browser: () => null }, 'webkit')).toBe('webkit');
    expect(engineOfContext({ browser: () => ({ browserType: () => ({ name: () => 'firefox' }) }) })).toBe('firefox');
  });
});

const CODES: ReasonCode[] = ['MissingAllowOriginHeader', 'PreflightInvalidStatus', 'MethodDisallowedByPreflightResponse', 'HeaderDisallowedByPreflightResponse', 'AllowOriginMismatch', 'InvalidAllowCredentials'];

describe.each(BROWSER_ENGINES)('%s: a printed CORS message becomes a failure', (engine: EngineName) => {
  it.each(CODES)('%s', (code) => {
    const reason = saidReason({ code, url: 'https://api.example/x', origin: 'https://app.example', failedParameter: code.startsWith('Method') ? 'PUT' : 'x-token', status: 404 });
    const message = consoleLine({ engine, allowed: false, exchanges: [], reason }, engine)!.message;
    for (const source of ['console', 'request-failed'] as const) {
      const explained = explainMessage(message);
      expect(readsAsCors(explained)).toBe(true);
      const failure = fromExplanation(explained, engine, source);
      expect(failure.engine).toBe(engine);
      expect(failure.source).toBe(source);
      expect(failure.url).toBe('https://api.example/x');
      expect([...failure.candidates]).toContain(code);
      if (failure.certain) expect(failure.code).toBe(code);
      expect(failure.fix.length).toBeGreaterThan(10);
    }
  });
});

describe('text that is not a CORS message is not a failure', () => {
  it.each(['Failed to load resource: net::ERR_FAILED', 'net::ERR_CONNECTION_REFUSED', 'NS_ERROR_FAILURE', 'Uncaught (in promise) TypeError: Load failed', ''])('%j', (text) => {
    expect(readsAsCors(explainMessage(text))).toBe(false);
  });
});
