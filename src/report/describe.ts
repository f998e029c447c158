/**
 * The words of a verdict, for every layer above the emulator: the console message each engine prints, and
 * the fix as a sentence. Matchers, the CLI, the mocks and the audit call these and never read words off a
 * verdict themselves, so how a verdict becomes words is decided here alone.
 */
import type { EngineName, Verdict } from '../types.js';

export interface ConsoleLine {
  /** Which engine's words these are. */
  engine: EngineName;
  /** The line as the engine's console prints it; empty when the engine prints no CORS message. */
  message: string;
  /** Firefox's reason key (e.g. `CORSMissingAllowOrigin`), where the engine has one. */
  code?: string;
}

/** The console line `engine` (default: the verdict's own engine) prints for a blocked verdict; `null` when allowed. */
export function consoleLine(verdict: Verdict, engine: EngineName = verdict.engine): ConsoleLine | null {
  const reason = verdict.reason;
  if (verdict.allowed || !reason) return null;
  if (engine === 'firefox') return { engine, message: reason.firefox.message, code: reason.firefox.code || undefined };
  if (engine === 'webkit') return { engine, message: reason.webkit };
  return { engine, message: reason.chromium };
}

/** The console message alone (see `consoleLine`); empty string when none. */
export function consoleMessage(verdict: Verdict, engine: EngineName = verdict.engine): string {
  return consoleLine(verdict, engine)?.message ?? '';
}

/** One sentence saying what to change on the server so this blocked verdict passes; empty when allowed. */
export function fixSentence(verdict: Verdict): string {
  return verdict.allowed ? '' : (verdict.reason?.fix ?? '');
}
