/**
 * Reading a verdict's exchanges.
 */
import type { Verdict, WireResponse } from '../types.js';

/** The response to the last actual request (not a preflight) that got one: the final answer, or the redirect or failure the fetch stopped at. */
export function lastResponse(verdict: Verdict): WireResponse | undefined {
  const { exchanges } = verdict;
  for (let i = exchanges.length - 1; i >= 0; i--) {
    const { kind, response } = exchanges[i];
    if (kind !== 'preflight' && response) return response;
  }
  return undefined;
}
