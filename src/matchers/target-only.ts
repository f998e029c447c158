/**
 * Matchers that must send requests (preflights, several methods or headers) cannot work on a response that
 * was already received: say so instead of checking something else.
 */
import { InvalidArgumentError } from '../errors.js';
import { readResponse } from './response-like.js';

export function requireTarget(received: unknown, matcher: string): void {
  const response = readResponse(received);
  if (response === null) return;
  throw new InvalidArgumentError(
    `expect(response).${matcher}`,
    `${matcher} sends its own requests, so it needs a target, not a received response (got a ${response.kind})`,
    `Pass the app, server, handler or URL instead: await expect(app).${matcher}(...). On a response, use toAllowOrigin, toAllowCredentials or toExposeHeaders.`,
  );
}
