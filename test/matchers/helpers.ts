/**
 * Helpers for asserting on the matchers' failures: run the assertion, expect it to throw, return the message
 * without colours (so snapshots do not depend on the terminal).
 */
import { stripVTControlCharacters } from 'node:util';
import { CorsproofError } from '../../src/errors.js';

export async function failureOf(assertion: () => unknown): Promise<string> {
  let error: unknown;
  try {
    await assertion();
  } catch (e) {
    error = e;
  }
  if (!(error instanceof Error)) throw new Error('expected the assertion to fail, and it passed');
  if (error instanceof CorsproofError) throw error;
  return stripVTControlCharacters(error.message);
}

/** Like `failureOf`, with the port of a loopback URL replaced so snapshots are stable. */
export async function stableFailureOf(assertion: () => unknown): Promise<string> {
  return (await failureOf(assertion)).replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT');
}
