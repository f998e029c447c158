/**
 * An exception from the user's own target or set-up (a handler that throws, a plugin that fails to load, a
 * mock's reply function that throws, a module that cannot be imported) becomes a `handler` `TransportError`:
 * its `cause` is the exception itself, and its message names it, so a verdict built on it says where the
 * failure came from.
 */
import { TransportError } from '../errors.js';
import { describeValue } from './options.js';

/** `what` is the sentence start, e.g. "The fetch handler threw". */
export function handlerError(what: string, cause: unknown, hint = ''): TransportError {
  if (cause instanceof TransportError && cause.kind === 'handler') return cause;
  return new TransportError('handler', `${what}: ${describeThrown(cause)}${hint ? ` ${hint}` : ''}`, { cause });
}

/** `TypeError: x is not a function`, with the error's `code` when it has one; a non-error by its value. */
export function describeThrown(value: unknown): string {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    const name = value.name || 'Error';
    const codePart = typeof code === 'string' && !value.message.includes(code) ? ` [${code}]` : '';
    return `${name}${codePart}: ${value.message}`;
  }
  return describeValue(value);
}
