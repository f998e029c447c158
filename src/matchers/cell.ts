/**
 * A matcher's evidence: one cell per (thing tested, engine). Whether the assertion passes is decided once, from
 * all cells together.
 */
import type { CorsMiddleware } from '../targets/cors-middleware.js';
import type { BlockReason, EngineName, Verdict } from '../types.js';
import type { ReceivedResponse } from './response-like.js';

export interface Cell {
  /** What this cell tests when the matcher tests several things: a method, a header name. */
  label?: string;
  engine: EngineName;
  /**
   * Whether the matcher's claim holds for this cell. `null` means there is no evidence either way (the server
   * did not answer, no preflight was sent): such a cell fails the assertion and its negation alike.
   */
  holds: boolean | null;
  /** Short state for the Received line, e.g. `allowed`, `blocked (MissingAllowOriginHeader)`. */
  status: string;
  /** Why the cell is what it is, when the exchanges alone do not say it. */
  notes?: string[];
  /** What the browser did (targets). */
  verdict?: Verdict;
  /** The response that was checked (response objects). */
  response?: ReceivedResponse;
  /** Why the browser blocks it, when it does. */
  reason?: BlockReason;
  /** What let the request through (shown when the cell is allowed and should not have been). */
  because?: string[];
  /** The CORS middleware the target mounts: the block reason's fix is also given as its options. */
  middleware?: CorsMiddleware;
  /** What to change on the server so the cell turns the other way; `null` for nothing to say (default: the block reason's fix). */
  change?: { label: string; text: string } | null;
}

/**
 * The assertion passes when every cell holds, and fails when none does. When the engines (or the things
 * tested) disagree, or a cell has no evidence, both the assertion and its `.not` fail: a negated CORS matcher
 * means "blocked in every engine", not "blocked in at least one".
 */
export function decidePass(cells: readonly Cell[], isNot: boolean): boolean {
  if (cells.some((c) => c.holds === null)) return isNot;
  if (cells.every((c) => c.holds === true)) return true;
  if (cells.every((c) => c.holds === false)) return false;
  return isNot;
}

/** The cells that contradict the assertion's direction: the ones a failure message explains. */
export function contradicting(cells: readonly Cell[], isNot: boolean): Cell[] {
  return cells.filter((c) => c.holds !== !isNot);
}

/** `blocked (Code)` for a blocked verdict, `allowed` otherwise. */
export function verdictStatus(verdict: Verdict): string {
  return verdict.allowed ? 'allowed' : `blocked (${verdict.reason?.code ?? 'unknown reason'})`;
}

/** A verdict that says nothing about CORS: the server could not be reached or did not answer in time. */
export function isNoAnswer(verdict: Verdict): boolean {
  const last = verdict.exchanges[verdict.exchanges.length - 1];
  return !verdict.allowed && (verdict.reason?.code === 'NetworkError' || verdict.reason?.code === 'Timeout') && last !== undefined && !last.response;
}
