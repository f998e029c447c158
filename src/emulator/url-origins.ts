/**
 * The origin of a URL string, remembered: one fetch asks for the origin of the same few URLs many times
 * (same-origin tests, the request origin's serialization, preflight cache keys), and a test suite sends to the
 * same few URLs thousands of times; URL parsing dominates both. At most 256 results are kept (emptied when
 * full).
 */
import { originOf, type SerializedOrigin } from '../spec/origin.js';

const MAX = 256;
const remembered = new Map<string, SerializedOrigin>();

export function urlOrigin(url: string): SerializedOrigin {
  let origin = remembered.get(url);
  if (origin === undefined) {
    origin = originOf(url);
    if (remembered.size >= MAX) remembered.clear();
    remembered.set(url, origin);
  }
  return origin;
}
