/**
 * Turning a verdict into a cell, and naming the request a matcher made, for the matchers that run on targets.
 */
import { listNames } from '../report/format.js';
import { isTargetFailure, targetFailureText } from '../report/network.js';
import type { EngineName, RequestCredentials_, Verdict } from '../types.js';
import { isNoAnswer, verdictStatus, type Cell } from './cell.js';
import { whyAllowed } from './explain.js';
import type { ProbeResult } from './run-target.js';

export interface CellJudgement {
  /** `null`: no evidence either way (see `Cell.holds`). */
  holds: boolean | null;
  status?: string;
  /** Words only a failure message shows may come as a function: worded when a message reads them. */
  notes?: string[] | (() => string[]);
  change?: Cell['change'] | (() => Cell['change']);
  /** Show what let an allowed request through (default true). */
  because?: boolean;
}

/**
 * A cell for one verdict. A server that did not answer gives a cell with no evidence (`holds: null`) whatever
 * the matcher would have judged: a hung or refused connection never passes a CORS assertion, `.not` included.
 * An allowed verdict carries what let it through.
 */
export function verdictCell(result: ProbeResult, judge: (verdict: Verdict) => CellJudgement, options: { noAnswerIsEvidence?: boolean } = {}): Cell {
  const { verdict, engine, label } = result;
  const network = verdict.reason?.network;
  if (isTargetFailure(network)) {
    // The user's own app or set-up threw: not CORS, and no evidence either way.
    return { label, engine, holds: null, status: `the target threw (${network.name})`, notes: [targetFailureText(network)], verdict, change: null };
  }
  if (isNoAnswer(verdict) && !options.noAnswerIsEvidence) {
    return {
      label,
      engine,
      holds: null,
      status: `no answer (${verdict.reason?.code})`,
      notes: ['The server did not answer, so this says nothing about CORS.'],
      verdict,
    };
  }
  return new JudgedCell(result, judge(verdict));
}

/**
 * A judged verdict's cell. Its notes (what let an allowed request through) are worded when a message reads them:
 * a passing assertion never shows them, and the matcher should cost little more than its requests.
 */
class JudgedCell implements Cell {
  readonly label?: string;
  readonly engine: EngineName;
  readonly holds: boolean | null;
  readonly status: string;
  readonly verdict: Verdict;
  readonly middleware?: Cell['middleware'];
  #notes: string[] | undefined;
  #change: CellJudgement['change'];

  constructor(
    private readonly result: ProbeResult,
    private readonly judgement: CellJudgement,
  ) {
    const { verdict, engine, label, middleware } = result;
    if (label !== undefined) this.label = label;
    this.engine = engine;
    this.holds = judgement.holds;
    this.status = judgement.status ?? verdictStatus(verdict);
    this.verdict = verdict;
    this.#change = judgement.change;
    if (middleware) this.middleware = middleware;
  }

  get change(): Cell['change'] {
    if (typeof this.#change === 'function') this.#change = this.#change();
    return this.#change;
  }

  get notes(): string[] {
    if (this.#notes === undefined) {
      const { verdict, request } = this.result;
      const because = verdict.allowed && this.judgement.because !== false ? whyAllowed(verdict, (request.credentials ?? 'same-origin') as RequestCredentials_) : [];
      const notes = this.judgement.notes;
      this.#notes = [...((typeof notes === 'function' ? notes() : notes) ?? []), ...because];
    }
    return this.#notes;
  }
}

/** `PUT https://api.example/items from https://app.example`, with credentials when they are included. */
export function describeRequest(result: ProbeResult | undefined, options: { method?: boolean } = {}): string {
  if (!result) return 'the request';
  const { request, verdict } = result;
  const url = verdict.exchanges.find((e) => e.kind !== 'preflight')?.request.url ?? verdict.exchanges[0]?.request.url ?? verdict.reason?.url ?? String(request.url);
  const method = options.method === false ? '' : `${(request.method ?? 'GET').toUpperCase()} `;
  const credentials = request.credentials === 'include' ? ' with credentials' : '';
  return `${method}${url} from ${request.origin}${credentials}`;
}

/** `chromium, firefox and webkit` for the Expected line. */
export function enginesPhrase(engines: readonly EngineName[]): string {
  return engines.length === 1 ? engines[0] : `every engine (${listNames(engines)})`;
}
