/**
 * Failure messages in Jest's style: the hint line, Expected, Received, then one block per group of engines
 * that did the same thing (console messages, exchanges, what to change on the server).
 */
import { reasonConsoleLine, reasonFixSentence, type ConsoleLine } from '../report/describe.js';
import { formatBlock, formatExchange, type DetailBlock } from '../report/format.js';
import { middlewareFix, middlewareFixSentence } from '../report/middleware-fix.js';
import { escapeTerminal } from '../report/terminal.js';
import { isTargetFailure } from '../report/network.js';
import type { BlockReason, EngineName } from '../types.js';
import { contradicting, decidePass, type Cell } from './cell.js';

/** The parts of Jest's and Vitest's matcher context (`this`) the matchers use. */
export interface MatcherContextLike {
  isNot?: boolean;
  promise?: string;
  utils?: {
    matcherHint?: (name: string, received?: string, expected?: string, options?: { isNot?: boolean; promise?: string; secondArgument?: string }) => string;
    EXPECTED_COLOR?: (text: string) => string;
    RECEIVED_COLOR?: (text: string) => string;
  };
}

export interface MatcherResult {
  pass: boolean;
  message: () => string;
}

export interface MessageInput {
  matcher: string;
  /** How `expect(...)` is named in the hint: `target` or `response`. */
  received: 'target' | 'response';
  /** The first argument's name in the hint, e.g. `origin`; empty when the matcher was called without one. */
  expectedArg: string;
  /** The second argument's name in the hint, when given. */
  secondArgument?: string;
  /** What the assertion claims, already worded for `.not` when negated (a function: worded when a message is built). */
  expected: string | (() => string);
  cells: readonly Cell[];
}

export function buildMessage(ctx: MatcherContextLike, input: MessageInput): string {
  const isNot = ctx.isNot === true;
  const expectedColor = ctx.utils?.EXPECTED_COLOR ?? identity;
  const receivedColor = ctx.utils?.RECEIVED_COLOR ?? identity;
  const hint = ctx.utils?.matcherHint
    ? ctx.utils.matcherHint(input.matcher, input.received, input.expectedArg, { isNot, promise: ctx.promise ?? '', secondArgument: input.secondArgument })
    : `expect(${input.received})${isNot ? '.not' : ''}.${input.matcher}(${input.expectedArg}${input.secondArgument ? `, ${input.secondArgument}` : ''})`;

  const expected = typeof input.expected === 'function' ? input.expected() : input.expected;
  const lines = [hint, '', `Expected: ${expectedColor(escapeTerminal(expected))}`];
  const summary = summarize(input.cells).map(escapeTerminal);
  if (summary.length === 1) lines.push(`Received: ${receivedColor(summary[0])}`);
  else lines.push('Received:', ...summary.map((s) => `  ${receivedColor(s)}`));

  const notes = overallNotes(input.cells);
  if (notes.length) lines.push('', ...notes);
  for (const block of blocks(contradicting(input.cells, isNot))) lines.push('', formatBlock(block));
  return lines.join('\n');
}

/** One line per tested thing: `label  engines: status; engines: status`. */
function summarize(cells: readonly Cell[]): string[] {
  const byLabel = groupBy(cells, (c) => c.label ?? '');
  const width = Math.max(...[...byLabel.keys()].map((l) => l.length));
  return [...byLabel].map(([label, group]) => {
    const states = [...groupBy(group, (c) => c.status)].map(([status, g]) => `${engineList(g)}: ${status}`).join('; ');
    return label ? `${label.padEnd(width)}  ${states}` : states;
  });
}

function overallNotes(cells: readonly Cell[]): string[] {
  const notes: string[] = [];
  if (cells.some((c) => c.holds === null)) {
    notes.push('Some results are no evidence either way (see below), so this assertion and its .not both fail.');
  } else if (cells.some((c) => c.holds) && cells.some((c) => !c.holds)) {
    const engines = new Set(cells.map((c) => c.engine));
    notes.push(
      engines.size > 1 && disagreeByEngine(cells)
        ? "The engines disagree, so this assertion and its .not both fail. Fix the server for every engine, or test one engine with { engine: 'chromium' }."
        : 'The results are mixed, so this assertion and its .not both fail.',
    );
  }
  return notes;
}

function disagreeByEngine(cells: readonly Cell[]): boolean {
  for (const group of groupBy(cells, (c) => c.label ?? '').values()) {
    if (group.some((c) => c.holds) && group.some((c) => !c.holds)) return true;
  }
  return false;
}

/** Group contradicting cells that show the same thing, and turn each group into a detail block. */
function blocks(cells: readonly Cell[]): DetailBlock[] {
  // Exchanges count as the same when they show the same (each engine's User-Agent and the like are not shown).
  const groups = groupBy(cells, (c) => JSON.stringify([c.label, c.status, c.notes, c.change, c.reason, c.verdict?.exchanges.map((e) => formatExchange(e)), c.response?.headers]));
  return [...groups.values()].map((group) => {
    const cell = group[0];
    const engines = group.map((c) => c.engine);
    const reason = cell.reason ?? cell.verdict?.reason;
    const fixText = reason ? reasonFixSentence(reason) : '';
    const fix = fixText ? { label: 'Fix', text: fixText } : undefined;
    // The same fix as the options of the app's CORS middleware, shown under the block reason's fix.
    const inMiddleware = reason && cell.middleware && cell.change === undefined ? middlewareFix(reason, cell.middleware) : null;
    // A target that threw is not a CORS failure: no browser console line stands for it.
    const worded = reason && !isTargetFailure(reason.network) ? reason : undefined;
    const consoles = worded ? consoleLines(worded, engines) : [];
    return {
      title: `${cell.label ? `${cell.label} · ` : ''}${engineList(group)}: ${cell.status}`,
      notes: cell.notes,
      consoles,
      exchanges: cell.verdict?.exchanges,
      response: cell.response
        ? { label: `${cell.response.kind}${cell.response.url ? ` from ${cell.response.url}` : ''}:`, status: cell.response.status, statusText: cell.response.statusText, headers: cell.response.headers }
        : undefined,
      change: cell.change === null ? undefined : (cell.change ?? fix),
      also: inMiddleware ? { label: `Fix (${inMiddleware.middleware} options)`, text: middlewareFixSentence(inMiddleware) } : undefined,
    };
  });
}

/**
 * The console lines of a group of engines: each engine's own words once; another engine's wording (for an engine
 * whose own words are not modelled) only when the group has no engine speaking for itself.
 */
function consoleLines(reason: BlockReason, engines: readonly EngineName[]): ConsoleLine[] {
  const lines = engines.map((engine) => reasonConsoleLine(reason, engine)).filter((line) => line.message);
  const own = lines.filter((line) => line.wordsOf === line.engine);
  const shown = own.length > 0 ? own : lines.slice(0, 1);
  return shown.filter((line, k) => shown.findIndex((other) => other.wordsOf === line.wordsOf) === k);
}

function engineList(cells: readonly Cell[]): string {
  const engines: EngineName[] = [];
  for (const c of cells) if (!engines.includes(c.engine)) engines.push(c.engine);
  return engines.join(', ');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function identity(text: string): string {
  return text;
}

/** Decide the assertion once from the cells; word the message only when it is asked for. */
export function resultOf(ctx: MatcherContextLike, input: Omit<MessageInput, 'cells'>, cells: readonly Cell[]): MatcherResult {
  const pass = decidePass(cells, ctx.isNot === true);
  return { pass, message: () => buildMessage(ctx, { ...input, cells }) };
}
