/**
 * `Access-Control-Max-Age`: https://fetch.spec.whatwg.org/#http-access-control-max-age
 */

/**
 * Max-age of a preflight response (CORS-preflight fetch, step 7.8): "Let max-age be the result of extracting
 * header list values given `Access-Control-Max-Age` and response's header list. If max-age is failure or null,
 * then set max-age to 5. If max-age is greater than an imposed limit on max-age, then set max-age to the
 * imposed limit."
 */
export function preflightMaxAge(raw: string | null, capSeconds: number): number {
  let seconds = 5;
  if (raw !== null && /^\d+$/.test(raw.trim())) seconds = Number(raw.trim());
  return Math.min(seconds, capSeconds);
}
