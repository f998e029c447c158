/**
 * Which corsproof engine judges a Playwright browser: taken from the browser itself (`browserType().name()`).
 */
import { getEngine } from '../engines/index.js';
import { InvalidArgumentError } from '../errors.js';
import type { EngineName } from '../types.js';

/** Playwright's browser name (`chromium`, `firefox`, `webkit`, or a BiDi variant such as `_bidiFirefox`) as an engine. */
export function engineOfBrowserName(name: string): EngineName {
  const plain = name.replace(/^_?bidi/i, '').toLowerCase();
  return getEngine(plain, `the browser name '${name}'`).name;
}

interface ContextLike {
  browser(): { browserType(): { name(): string } } | null;
}

/** The engine of the browser running `context`, or `given` when set. Throws when neither says it. */
export function engineOfContext(context: ContextLike, given?: EngineName): EngineName {
  if (given !== undefined) return getEngine(given, 'options.engine').name;
  const browser = context.browser();
  if (!browser) {
    throw new InvalidArgumentError(
      'options.engine',
      'the browser of this context is unknown (a persistent context has no Browser object)',
      "Pass the engine: { engine: 'chromium' } (or 'firefox', 'webkit').",
    );
  }
  return engineOfBrowserName(browser.browserType().name());
}
