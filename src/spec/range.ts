/**
 * https://fetch.spec.whatwg.org/#simple-range-header-value — "parse a single range header value" from a byte
 * sequence value and a boolean allowWhitespace (false for the CORS safelist).
 */

export interface SingleRange {
  /** First byte position, exact (range values can exceed 2^53). */
  start: bigint | null;
  /** Last byte position, exact. */
  end: bigint | null;
}

/**
 * 1. Let data be the isomorphic decoding of value. 2. If data does not start with "bytes", return failure.
 * 3-4. Skip whitespace if allowed. 5. If the code point at position is not "=", return failure.
 * 6-9. Collect digits as rangeStart, interpret as a decimal number if non-empty.
 * 10-12. Expect "-". 13-16. Collect digits as rangeEnd. 17. If position is not past the end, return failure.
 * 18. If rangeEndValue and rangeStartValue are null, return failure.
 * 19. If rangeStartValue and rangeEndValue are numbers and rangeStartValue > rangeEndValue, return failure.
 * 20. Return (rangeStartValue, rangeEndValue).
 * The standard's numbers have no upper bound: they are compared exactly here.
 */
export function parseSingleRange(value: string, allowWhitespace = false): SingleRange | null {
  const re = allowWhitespace ? /^bytes[\t ]*=[\t ]*(\d*)[\t ]*-[\t ]*(\d*)[\t ]*$/ : /^bytes=(\d*)-(\d*)$/;
  const m = re.exec(value);
  if (!m) return null;
  const start = m[1] === '' ? null : BigInt(m[1]);
  const end = m[2] === '' ? null : BigInt(m[2]);
  if (start === null && end === null) return null;
  if (start !== null && end !== null && start > end) return null;
  return { start, end };
}
