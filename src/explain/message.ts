/**
 * Read a console message back into a reason code: the message is matched against every template the emulator
 * prints (src/report/templates.ts), so whatever the message tables say, explain() recognises. A message that
 * matches no template whole (cut off, from another browser version, retyped) gets the closest reasons, ranked by
 * how many of each template's words it shares, and is never reported as certain.
 */
import { REASON_CODES } from '../matchers/reason-codes.js';
import { checkedSentence, unnamedHint } from '../report/checks.js';
import { reasonFixSentence } from '../report/describe.js';
import { NOTES, type MessageLike } from '../report/explain-text.js';
import { saidReason } from '../report/said-reason.js';
import { consoleTemplates, type MessageTemplate, type TemplateSlot } from '../report/templates.js';
import type { EngineName, ReasonCode } from '../types.js';

export interface MessageCandidate {
  code: ReasonCode;
  /** Engines whose console prints a message of this form for this code. */
  engines: EngineName[];
  /** The engine's own key for the reason (Firefox), where it has one. */
  key?: string;
  /** 1 for a whole match; otherwise the share of the template's words found in the message (0 to 1). */
  score: number;
  /** What the browser checked. */
  checked: string;
  /** What to change on the server. */
  fix: string;
}

export interface MessageExplanation extends MessageLike {
  kind: 'message';
  /** Whole match: every code that prints this message (more than one when the engine does not tell them apart). Otherwise the closest reasons, best first. Empty when nothing looks like a CORS message. */
  candidates: MessageCandidate[];
}

interface Compiled {
  template: MessageTemplate;
  regex: RegExp;
  slots: TemplateSlot[];
  literalLength: number;
  words: Set<string>;
}

// URLs and origins are whole words: as long as the words after them allow (`load <url>.` keeps the URL's own dots).
const SLOT_PATTERN: Record<TemplateSlot, string> = {
  url: '(\\S+)',
  initialUrl: '(\\S+)',
  origin: '(\\S+)',
  hint: '(.*?)',
  status: '(\\d{1,3}|\\(null\\))',
  kind: '([A-Za-z][A-Za-z ]{0,40}?)',
};

let compiled: Compiled[] | undefined;

function compile(): Compiled[] {
  compiled ??= consoleTemplates().map((template) => {
    const slots: TemplateSlot[] = [];
    let source = '';
    let literalLength = 0;
    const words = new Set<string>();
    for (const [index, part] of template.parts.entries()) {
      if (typeof part === 'string') {
        // (A message may end in a line break, e.g. Chromium's frame check; pasted text loses it.)
        const literal = index === template.parts.length - 1 ? normalizeSpan(part).trimEnd() : normalizeSpan(part);
        source += escapeRegExp(literal);
        literalLength += literal.length;
        for (const word of wordsOf(literal)) words.add(word);
      } else {
        slots.push(part.slot);
        source += SLOT_PATTERN[part.slot];
      }
    }
    const last = template.parts.at(-1);
    if (typeof last !== 'string') source += '$';
    return { template, regex: new RegExp(source), slots, literalLength, words };
  });
  return compiled;
}

/** Curly quotes become straight ones, a word broken across lines is joined, runs of whitespace become one space. */
export function normalize(text: string): string {
  return normalizeSpan(text).trim();
}

/** `normalize` without trimming: for the literal pieces of a template, whose edge spaces matter. */
function normalizeSpan(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E]/g, '"')
    .replace(/-[ \t]*\r?\n[ \t]*/g, '-')
    .replace(/\s+/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .filter((w) => w.length > 1 && !/^\d+$/.test(w));
}

/**
 * Split pasted text into messages: a new message starts wherever a template's opening words appear
 * (so several messages pasted together, or one wrapped over lines, are read as the browser printed them).
 */
export function splitMessages(text: string): string[] {
  const flat = normalize(text);
  if (!flat) return [];
  const leads = new Set<string>();
  for (const { template } of compile()) {
    const first = template.parts[0];
    if (typeof first === 'string') {
      const lead = normalize(first).split(' ').slice(0, 3).join(' ');
      if (lead.length >= 8) leads.add(lead);
    }
  }
  const starts = new Set<number>([0]);
  for (const lead of leads) {
    for (let at = flat.indexOf(lead); at !== -1; at = flat.indexOf(lead, at + 1)) starts.add(at);
  }
  // A lead that is a slot ("Access to <kind> at") is found by its fixed words.
  for (const match of flat.matchAll(/Access to [A-Za-z][A-Za-z ]{0,40}? at '/g)) starts.add(match.index);
  const sorted = [...starts].sort((a, b) => a - b);
  const pieces: string[] = [];
  for (const piece of sorted.map((start, i) => flat.slice(start, sorted[i + 1] ?? flat.length).trim()).filter(Boolean)) {
    // A line the browser prints as a consequence of the one before (Firefox: the request failed too, after a
    // failed preflight) belongs to it: some form spans the two.
    const previous = pieces.at(-1);
    if (previous !== undefined && spans(previous, piece)) pieces[pieces.length - 1] = `${previous} ${piece}`;
    else pieces.push(piece);
  }
  // Text before the first message (a timestamp, a file:line) stays with it.
  if (pieces.length > 1 && !looksLikeMessageStart(pieces[0])) pieces.splice(0, 2, `${pieces[0]} ${pieces[1]}`);
  return pieces;
}

/** Whether some form matches the two pieces together and neither alone. */
function spans(first: string, second: string): boolean {
  const joined = `${first} ${second}`;
  return compile().some(({ regex }) => regex.test(joined) && !regex.test(first) && !regex.test(second));
}

function looksLikeMessageStart(piece: string): boolean {
  return compile().some(({ regex }) => regex.test(piece)) || piece.length > 60;
}

/** Explain one console message (one line as the browser printed it; surrounding noise is tolerated). */
export function explainMessage(text: string): MessageExplanation {
  const message = normalize(String(text));
  const whole = wholeMatches(message);
  if (whole.length) return fromWholeMatches(message, whole);
  const named = byName(message);
  if (named) return named;
  return closest(message);
}

interface WholeMatch {
  entry: Compiled;
  values: Partial<Record<TemplateSlot, string>>;
}

function wholeMatches(message: string): WholeMatch[] {
  const found: WholeMatch[] = [];
  for (const entry of compile()) {
    const m = entry.regex.exec(message);
    if (!m) continue;
    const values: Partial<Record<TemplateSlot, string>> = {};
    entry.slots.forEach((slot, i) => {
      values[slot] ??= m[i + 1];
    });
    if (values.hint !== undefined && entry.template.engine === 'chromium') values.hint = unescapeBytes(values.hint);
    found.push({ entry, values });
  }
  if (found.length === 0) return [];
  // The most specific forms win: a message matches its own template and, by tolerance of trailing text,
  // shorter ones; keep the templates with the most fixed words.
  const best = Math.max(...found.map((f) => f.entry.literalLength));
  return found.filter((f) => f.entry.literalLength === best);
}

/** Chromium quotes a header value's bytes 0x80-0xFF as `\u0080`-`\u00FF`: the bytes again (one character each). */
function unescapeBytes(value: string): string {
  return value.includes('\\u00') ? value.replace(/\\u00([89A-F][0-9A-F])/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : value;
}

function fromWholeMatches(message: string, matches: WholeMatch[]): MessageExplanation {
  // Forms that match alike may name the same text differently (the URL that redirected is also the first one):
  // what any of them names.
  const values: Partial<Record<TemplateSlot, string>> = {};
  for (const match of matches) for (const [slot, value] of Object.entries(match.values)) values[slot as TemplateSlot] ??= value;
  const origin = values.origin;
  const hint = values.hint;
  const status = values.status && /^\d+$/.test(values.status) ? Number(values.status) : undefined;
  const byCode = new Map<ReasonCode, MessageCandidate>();
  for (const { entry } of matches) {
    for (const code of entry.template.codes) {
      const existing = byCode.get(code);
      if (existing) {
        if (!existing.engines.includes(entry.template.engine)) existing.engines.push(entry.template.engine);
        continue;
      }
      byCode.set(code, candidate(code, [entry.template.engine], 1, { hint, origin, url: values.url, status }, entry.template.key));
    }
  }
  const candidates = [...byCode.values()];
  const explanation: MessageExplanation = { kind: 'message', message, certain: true, candidates };
  if (values.url !== undefined) explanation.url = values.url;
  if (values.initialUrl !== undefined) explanation.initialUrl = values.initialUrl;
  if (origin !== undefined) explanation.origin = origin;
  if (hint !== undefined) explanation.value = hint;
  if (status !== undefined) explanation.status = status;
  if (values.kind !== undefined) explanation.requestKind = values.kind;
  if (candidates.length > 1) {
    const engines = [...new Set(candidates.flatMap((c) => c.engines))];
    explanation.note = NOTES.sameMessage(engines, candidates.map((c) => c.code));
  }
  return explanation;
}

/** A reason code, Chromium CorsError name or Firefox reason key on its own (e.g. from DevTools' Issues panel). */
function byName(message: string): MessageExplanation | null {
  const token = message.replace(/^\[|\]$/g, '').trim();
  const code = REASON_CODES.find((c) => c === token);
  if (code) {
    return { kind: 'message', message, certain: true, candidates: [candidate(code, enginesPrinting(code), 1, {})] };
  }
  // Firefox numbers a key anew when its message changes (`CORSMissingAllowOrigin2`): an older name still names it.
  const unversioned = (key: string) => key.replace(/\d+$/, '');
  const keyed = compile().filter((c) => c.template.key !== undefined && (message.includes(c.template.key) || unversioned(token) === unversioned(c.template.key)));
  if (keyed.length === 0) return null;
  const codes = [...new Set(keyed.flatMap((c) => c.template.codes))];
  const candidates = codes.map((c) => candidate(c, ['firefox'], 1, {}, keyed[0].template.key));
  return {
    kind: 'message',
    message,
    certain: codes.length === 1,
    candidates,
    ...(codes.length > 1 ? { note: NOTES.sameKey(keyed[0].template.key!, codes.length) } : {}),
  };
}

function closest(message: string): MessageExplanation {
  // Words inside URLs, origins and quoted values are the failure's own, not the message's.
  const words = new Set(wordsOf(message.replace(/\S+:\/\/\S+/g, ' ')));
  const scores = new Map<ReasonCode, { score: number; engines: Set<EngineName>; key?: string }>();
  if (words.size > 0) {
    for (const entry of compile()) {
      let shared = 0;
      for (const word of entry.words) if (words.has(word)) shared++;
      const recall = shared / Math.max(entry.words.size, 1);
      const precision = shared / words.size;
      if (shared === 0) continue;
      // Recall and precision weigh alike; a cut-off message keeps its precision and loses recall evenly.
      const score = (2 * recall * precision) / (recall + precision);
      for (const code of entry.template.codes) {
        const seen = scores.get(code);
        if (!seen || seen.score < score) {
          scores.set(code, { score, engines: new Set([entry.template.engine, ...(seen && seen.score === score ? seen.engines : [])]), ...(entry.template.key ? { key: entry.template.key } : {}) });
        } else if (seen.score === score) seen.engines.add(entry.template.engine);
      }
    }
  }
  const ranked = [...scores.entries()]
    .filter(([, s]) => s.score >= MIN_SCORE)
    .sort((a, b) => b[1].score - a[1].score || REASON_CODES.indexOf(a[0]) - REASON_CODES.indexOf(b[0]))
    .slice(0, MAX_CANDIDATES);
  const candidates = ranked.map(([code, s]) => candidate(code, [...s.engines], round(s.score), {}, s.key));
  const url = /(https?:\/\/[^\s'"‘’)]+)/.exec(message)?.[1]?.replace(/[.,]$/, '');
  return {
    kind: 'message',
    message,
    certain: false,
    candidates,
    ...(url ? { url } : {}),
    note: candidates.length ? NOTES.closest : NOTES.notCors,
  };
}

const MIN_SCORE = 0.3;
const MAX_CANDIDATES = 5;

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function candidate(
  code: ReasonCode,
  engines: EngineName[],
  score: number,
  said: { hint?: string; origin?: string; url?: string; status?: number },
  key?: string,
): MessageCandidate {
  const hint = said.hint ?? (code === 'PreflightInvalidStatus' && said.status !== undefined ? String(said.status) : unnamedHint(code));
  const reason = saidReason({ code, url: said.url ?? '', origin: said.origin ?? '', failedParameter: hint, ...(said.status !== undefined ? { status: said.status } : {}) });
  const fix = reasonFixSentence(reason);
  return { code, engines, ...(key ? { key } : {}), score, checked: checkedSentence(code), fix };
}

function enginesPrinting(code: ReasonCode): EngineName[] {
  const engines = new Set<EngineName>();
  for (const { template } of compile()) if (template.codes.includes(code)) engines.add(template.engine);
  return [...engines];
}

