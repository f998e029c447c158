/**
 * Exit codes of the `corsproof` command, and the one rule that tells a network failure from a CORS decision.
 */
import type { Verdict } from '../types.js';

export const EXIT = {
  /** check: allowed in every engine asked for. audit: no high-severity finding. */
  ok: 0,
  /** check: blocked in some engine. audit: at least one high-severity finding. */
  findings: 1,
  /** Usage error or bad input: unknown option, missing --origin, an origin with a path, a URL without scheme. */
  usage: 2,
  /** The server could not be reached (refused, reset, timed out, not HTTP): no CORS decision was made. */
  unreachable: 3,
  /** A bug in corsproof: the message asks to report it. */
  internal: 70,
} as const;

/** Blocked because the server never answered (the last request got no response), not because of CORS. */
export function isUnreachable(verdict: Verdict): boolean {
  if (verdict.allowed || !verdict.reason) return false;
  if (verdict.reason.code !== 'NetworkError' && verdict.reason.code !== 'Timeout') return false;
  if (verdict.reason.network?.kind === 'not-sent') return false;
  const last = verdict.exchanges.at(-1);
  return last !== undefined && last.response === undefined;
}
