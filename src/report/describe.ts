/**
 * The words of a verdict, for every layer above the emulator: the console message each engine prints, and
 * the fix as a sentence. Matchers, the CLI, the mocks and the audit call these and never make words of a
 * verdict themselves; the verdict itself is data.
 */
import { getEngine } from '../engines/index.js';
import type { BlockReason, EngineName, Verdict } from '../types.js';
import { chromiumMessage } from './chromium-messages.js';
import { firefoxReason } from './firefox-messages.js';
import { fixHint } from './fix.js';
import { isTargetFailure, networkFailureText, refusedHeadFix, targetFailureText } from './network.js';
import { webkitMessage } from './webkit-messages.js';

export interface ConsoleLine {
  /** Which engine's console this is. */
  engine: EngineName;
  /** The line as the console prints it; empty when the engine prints no CORS message. */
  message: string;
  /** Firefox's reason key (e.g. `CORSMissingAllowOrigin2`), where the engine has one. */
  code?: string;
  /** Whose words these are: the engine's own, or another's where its own are not modelled. */
  wordsOf: EngineName;
  /** How to label the line: `Chromium`, or `as Chromium words it` for another engine's wording. */
  label: string;
}

/** The console line `engine` (default: the verdict's own engine) prints for a blocked verdict; `null` when allowed. */
export function consoleLine(verdict: Verdict, engine: EngineName = verdict.engine): ConsoleLine | null {
  const reason = verdict.reason;
  if (verdict.allowed || !reason) return null;
  return reasonConsoleLine(reason, engine);
}

/** The console line of a block reason (see `consoleLine`). */
export function reasonConsoleLine(reason: BlockReason, engine: EngineName): ConsoleLine {
  const parameter = reason.failedParameter ?? '';
  const words = getEngine(engine).consoleWords;
  const label = words === engine ? getEngine(words).label : `as ${getEngine(words).label} words it`;
  switch (words) {
    case 'firefox': {
      const firefox = firefoxReason(reason.code, parameter, reason.url, reason.origin, reason.status, {
        preflight: reason.preflight, redirect: reason.location !== undefined, redirectMode: reason.redirect, mode: reason.mode, previousUrl: reason.previousUrl,
        allowOriginNames: reason.allowOriginNames, network: reason.network,
      });
      return { engine, message: firefox.message, ...(firefox.code ? { code: firefox.code } : {}), wordsOf: words, label };
    }
    case 'webkit': {
      const message = webkitMessage({
        code: reason.code, hint: parameter, url: reason.url, initialUrl: reason.initialUrl, origin: reason.requestOrigin,
        status: reason.status, redirectTo: reason.location, mode: reason.mode, preflight: reason.preflight, network: reason.network,
      });
      return { engine, message, wordsOf: words, label };
    }
    case 'chromium':
      return { engine, message: chromiumMessage(reason.code, parameter, reason.url, reason.initialUrl, reason.origin, reason.mode), wordsOf: words, label };
  }
}

/** The console message alone (see `consoleLine`); empty string when none. */
export function consoleMessage(verdict: Verdict, engine: EngineName = verdict.engine): string {
  return consoleLine(verdict, engine)?.message ?? '';
}

/** One sentence saying what to change on the server so this blocked verdict passes; empty when allowed. */
export function fixSentence(verdict: Verdict): string {
  return verdict.allowed || !verdict.reason ? '' : reasonFixSentence(verdict.reason);
}

/** The fix sentence of a block reason (see `fixSentence`). */
export function reasonFixSentence(reason: BlockReason): string {
  if (isTargetFailure(reason.network)) return targetFailureText(reason.network);
  if (reason.network?.kind === 'refused-head') return refusedHeadFix(reason.network);
  // One line: a value a server sent with a line break in it (only a scripted transport can) is quoted escaped.
  return fixHint(reason.code, hintOf(reason).replace(/\r/g, '\\r').replace(/\n/g, '\\n'), reason.origin, reason.credentialed);
}

/** The detail a fix sentence quotes: the failed parameter, the status, or what the network did. */
function hintOf(reason: BlockReason): string {
  switch (reason.code) {
    case 'NetworkError':
    case 'Timeout':
      return reason.network ? networkFailureText(reason.network) : '';
    case 'PreflightInvalidStatus':
      return reason.status === undefined ? '' : String(reason.status);
    default:
      return reason.failedParameter ?? '';
  }
}
