import { brand } from './identity.js';

/**
 * Typed errors. Every error corsproof throws on purpose is a `CorsproofError` with a stable `code`,
 * says what was wrong and what to do about it.
 */
export class CorsproofError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'CorsproofError';
    this.code = code;
  }
}

/** A bad argument from the caller: names the argument, what was wrong, and the fix. */
export class InvalidArgumentError extends CorsproofError {
  readonly argument: string;
  constructor(argument: string, problem: string, fix: string) {
    super('ERR_CORSPROOF_INVALID_ARGUMENT', `Invalid ${argument}: ${problem}. ${fix}`);
    this.name = 'InvalidArgumentError';
    this.argument = argument;
  }
}

/** A transport could not produce a response: refused, reset, timed out, garbage on the wire. */
export class TransportError extends CorsproofError {
  /** `not-sent`: the request was deliberately not sent (e.g. `corsproof check --preflight-only`). */
  readonly kind: 'timeout' | 'network' | 'protocol' | 'too-large' | 'handler' | 'not-sent';
  constructor(kind: TransportError['kind'], message: string, options?: { cause?: unknown }) {
    super('ERR_CORSPROOF_TRANSPORT', message);
    this.name = 'TransportError';
    this.kind = kind;
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

brand(CorsproofError, 'CorsproofError');
brand(InvalidArgumentError, 'InvalidArgumentError');
brand(TransportError, 'TransportError');

/** The reason an exchange's signal aborts with when its deadline passes. */
export function deadlineExpired(timeoutMs: number): TransportError {
  return new TransportError('timeout', `no response within ${timeoutMs} ms`);
}
