/**
 * Every console message the emulator can print, as templates: the words around the parts that change (URLs,
 * origin, the failed value, the status). They are made by asking `consoleLine` for a verdict of every reason
 * code under every engine with marker values in those parts, so they follow the message tables whenever those
 * change. `explain()` reads messages back with them.
 */
import { BROWSER_ENGINES } from '../engines/index.js';
import { REASON_CODES } from '../matchers/reason-codes.js';
import type { EngineName, ReasonCode, Verdict } from '../types.js';
import { chromiumLead } from './chromium-messages.js';
import { consoleLine } from './describe.js';
import { saidReason } from './said-reason.js';

/** The parts of a console message that vary from one failure to the next. */
export type TemplateSlot = 'url' | 'initialUrl' | 'origin' | 'hint' | 'status' | 'kind';

export interface MessageTemplate {
  /** The engine whose console prints it. */
  engine: EngineName;
  /** Every reason code that prints exactly these words in this engine (several when the engine does not tell them apart). */
  codes: ReasonCode[];
  /** Literal text and slots, in order. */
  parts: ReadonlyArray<string | { slot: TemplateSlot }>;
  /** The engine's own key for the reason, where it has one (Firefox: `CORSMissingAllowOrigin`). */
  key?: string;
}

const MARK: Record<Exclude<TemplateSlot, 'status'>, string> = {
  url: '\uE001',
  initialUrl: '\uE002',
  origin: '\uE003',
  hint: '\uE004',
  kind: '\uE006',
};
/** A status no server sends, so it can be found in the words and turned back into a slot. */
const STATUS_MARK = 987654321;
const SLOT_OF = new Map<string, TemplateSlot>([...Object.entries(MARK).map(([slot, mark]) => [mark, slot as TemplateSlot] as const), ['\uE005', 'status']]);

let cache: readonly MessageTemplate[] | undefined;

/** Every distinct console message template, per engine. */
export function consoleTemplates(): readonly MessageTemplate[] {
  cache ??= build();
  return cache;
}

function build(): MessageTemplate[] {
  const byText = new Map<string, MessageTemplate>();
  for (const engine of BROWSER_ENGINES) {
    for (const code of REASON_CODES) {
      for (const redirected of [false, true]) {
        for (const status of [undefined, STATUS_MARK]) {
          const verdict = markerVerdict(engine, code, redirected, status);
          const line = consoleLine(verdict, engine);
          if (!line?.message) continue;
          const text = line.message.split(String(STATUS_MARK)).join('\uE005').split(chromiumLead()).join(chromiumLead(MARK.kind));
          const key = `${engine}\u0000${text}`;
          const existing = byText.get(key);
          if (existing) {
            if (!existing.codes.includes(code)) existing.codes.push(code);
            continue;
          }
          byText.set(key, { engine, codes: [code], parts: toParts(text), ...(line.code ? { key: line.code } : {}) });
        }
      }
    }
  }
  return [...byText.values()];
}

/** A blocked verdict whose words carry markers where the URL, origin, value and status go. */
function markerVerdict(engine: EngineName, code: ReasonCode, redirected: boolean, status: number | undefined): Verdict {
  const reason = saidReason({
    code,
    url: MARK.url,
    initialUrl: redirected ? MARK.initialUrl : MARK.url,
    origin: MARK.origin,
    failedParameter: MARK.hint,
    ...(status === undefined ? {} : { status }),
  });
  return { engine, allowed: false, exchanges: [], reason };
}

function toParts(text: string): MessageTemplate['parts'] {
  const parts: Array<string | { slot: TemplateSlot }> = [];
  let literal = '';
  for (const char of text) {
    const slot = SLOT_OF.get(char);
    if (slot === undefined) {
      literal += char;
      continue;
    }
    if (literal) parts.push(literal);
    literal = '';
    parts.push({ slot });
  }
  if (literal) parts.push(literal);
  return parts;
}
