import { InvalidArgumentError } from '../errors.js';
import type { EngineName } from '../types.js';
import { chromium } from './chromium.js';
import { firefox } from './firefox.js';
import type { EngineProfile } from './profile.js';
import { spec } from './spec.js';
import { webkit } from './webkit.js';

export type { ConsoleWords, EngineProfile } from './profile.js';

export const ENGINES: Readonly<Record<EngineName, EngineProfile>> = { chromium, firefox, webkit, spec };

/** The three browser engines, in the order results are reported. */
export const BROWSER_ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

/**
 * The largest response head any browser engine accepts (Firefox's 384 KiB): what a transport reads before it
 * gives up. Each engine then applies its own limit.
 */
export const LARGEST_RESPONSE_HEAD_BYTES = Math.max(...BROWSER_ENGINES.map((name) => ENGINES[name].maxResponseHeadBytes));

/** Connections to one host at once, as every browser engine allows (6): transports queue beyond it. */
export const CONNECTIONS_PER_HOST = Math.min(...BROWSER_ENGINES.map((name) => ENGINES[name].connectionsPerHost));

/** The profile of an engine name; `argument` (with `index`, for a list's item) names it in the error. */
export function getEngine(name: unknown = 'chromium', argument = 'engine', index?: number): EngineProfile {
  if (typeof name === 'string' && Object.hasOwn(ENGINES, name)) return ENGINES[name as EngineName];
  const given = typeof name === 'string' ? `'${name}'` : `${typeof name} ${String(name)}`;
  throw new InvalidArgumentError(index === undefined ? argument : `${argument}[${index}]`, `${given} is not an engine`, "Use 'chromium', 'firefox', 'webkit' or 'spec'.");
}
