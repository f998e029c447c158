/**
 * One exchange's deadline: the transport's own `timeoutMs` and the caller's `AbortSignal`, whichever fires
 * first. A handler or server that never answers ends in a `timeout` `TransportError`, and every timer and
 * listener is released when the exchange settles (no open handles left behind).
 */
import { TransportError } from '../errors.js';
import type { TransportContext } from '../types.js';

export interface DeadlineOptions {
  /**
   * On abort, wait for the work to settle before rejecting. For work that honours its signal and releases what
   * it holds (a socket) on abort, so nothing is still open when the caller sees the error.
   */
  awaitWorkOnAbort?: boolean;
}

/**
 * The exchange's signal, made when first asked for: an `AbortSignal` is an event target that costs more to make
 * than a simple in-process exchange, and most handlers never read theirs.
 */
export type LazySignal = () => AbortSignal;

/**
 * Run `work` with a signal that aborts at the deadline. Rejects with a `timeout` `TransportError` when the
 * deadline passes, even if `work` ignores its signal (unless `awaitWorkOnAbort`). When the caller's context has a
 * deadline no later than this one (the emulator's), its signal serves and the caller keeps the time.
 */
export function withDeadline<T>(
  context: TransportContext | undefined,
  timeoutMs: number,
  what: string,
  work: (signal: LazySignal) => Promise<T>,
  options: DeadlineOptions = {},
): Promise<T> {
  // The caller's deadline comes first: its signal is the exchange's, and the caller rejects at its deadline.
  if (context?.deadline !== undefined && context.deadline <= performance.now() + timeoutMs) {
    try {
      return work(() => context.signal);
    } catch (error) {
      return Promise.reject(error);
    }
  }
  const outer = context?.signal;
  if (outer?.aborted) return Promise.reject(abortError(outer.reason, what));
  const controller = new AbortController();
  let running: Promise<T>;
  try {
    running = work(() => controller.signal);
  } catch (error) {
    running = Promise.reject(error);
  }
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
      return true;
    };
    const fail = (error: TransportError): void => {
      if (!finish()) return;
      controller.abort(error);
      if (options.awaitWorkOnAbort) running.then(() => reject(error), () => reject(error));
      else reject(error);
    };
    const onAbort = (): void => fail(abortError(outer?.reason, what));
    const timer = setTimeout(
      () => fail(new TransportError('timeout', `${what} did not answer within ${timeoutMs} ms.`)),
      timeoutMs,
    );
    outer?.addEventListener('abort', onAbort, { once: true });
    running.then(
      (value) => {
        if (finish()) resolve(value);
      },
      (error: unknown) => {
        if (finish()) reject(error);
      },
    );
  });
}

/** The error for an aborted exchange: the signal's own `TransportError` reason, else a `timeout`. */
export function abortError(reason: unknown, what: string): TransportError {
  if (reason instanceof TransportError) return reason;
  const detail =
    reason instanceof Error ? `${reason.name}: ${reason.message}` : reason === undefined ? 'no reason given' : String(reason);
  return new TransportError('timeout', `${what} was aborted before it answered (${detail}).`, { cause: reason });
}
