/**
 * Running documentation examples as written: every `console.log(x); // value` line of a ```ts block becomes a
 * check that `x` prints `value`. Shared by the tests that execute docs/*.md.
 */

export interface DocCheck {
  line: string;
  actual: string;
  expected: string;
}

const CHECK = /^(\s*)console\.log\((.*)\);\s*\/\/\s*(.*)$/;

/** Rewrite a block's `console.log(x); // value` lines into calls of `globalThis.__docCheck`. */
export function instrumentChecks(source: string): string {
  return source
    .split('\n')
    .map((line) => {
      const match = CHECK.exec(line);
      if (!match) return line;
      const [, indent, expression, expected] = match;
      return `${indent}(globalThis as any).__docCheck(${JSON.stringify(line.trim())}, ${expression}, ${JSON.stringify(expected.trim())});`;
    })
    .join('\n');
}

/** Collect the checks the instrumented blocks make from now on into `checks`. */
export function collectChecks(checks: DocCheck[]): void {
  (globalThis as Record<string, unknown>).__docCheck = (line: string, actual: unknown, expected: string) =>
    checks.push({ line, actual: String(actual), expected });
}
