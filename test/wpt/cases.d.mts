import type { ScenarioSpec } from '../../scripts/conformance/scenario-transport.js';

/** A ported web-platform-tests case (see cases.mjs). */
export interface WptCase {
  id: string;
  /** The test file in web-platform-tests/wpt. */
  wpt: string;
  /** The test's name there. */
  name: string;
  request: { method: string; mode: string; credentials: string; redirect: string; headers?: Array<[string, string]>; body?: string; init?: Record<string, string> };
  hops: ScenarioSpec['hops'];
  expect: {
    outcome: 'allowed' | 'blocked';
    status?: number;
    type?: string;
    preflight?: boolean;
    origin?: string;
    requestHeaders?: string | null;
    preflightUserAgent?: boolean;
    readable?: Record<string, string | null>;
    steps?: Array<{ preflight: boolean }>;
    second?: { headers: Array<[string, string]> };
    finalMethod?: string;
  };
}

export const cases: WptCase[];
export function toScenarios(): ScenarioSpec[];
