/**
 * Parsing a MIME type: https://mimesniff.spec.whatwg.org/#parse-a-mime-type
 * Only the essence matters to CORS (https://fetch.spec.whatwg.org/#cors-safelisted-request-header), but a
 * parameter section that is malformed does not make the whole type fail, exactly as the standard says.
 */
import { isHttpWhitespace } from './http.js';

const TOKEN_CP = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Steps 1-10 of "parse a MIME type": strip leading/trailing HTTP whitespace, collect type up to "/",
 * fail if empty or not token code points, collect subtype up to ";", strip trailing whitespace, fail if empty
 * or not token code points. Returns the essence `type/subtype`, ASCII-lowercased, or null on failure.
 */
export function parseMimeEssence(input: string): string | null {
  let s = 0;
  let e = input.length;
  while (s < e && isHttpWhitespace(input.charCodeAt(s))) s++;
  while (e > s && isHttpWhitespace(input.charCodeAt(e - 1))) e--;
  const value = input.slice(s, e);
  const slash = value.indexOf('/');
  if (slash < 0) return null;
  const type = value.slice(0, slash);
  if (type === '' || !TOKEN_CP.test(type)) return null;
  const semi = value.indexOf(';', slash + 1);
  let subtype = value.slice(slash + 1, semi < 0 ? value.length : semi);
  let end = subtype.length;
  while (end > 0 && isHttpWhitespace(subtype.charCodeAt(end - 1))) end--;
  subtype = subtype.slice(0, end);
  if (subtype === '' || !TOKEN_CP.test(subtype)) return null;
  return `${type}/${subtype}`.toLowerCase();
}
