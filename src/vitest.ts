/**
 * `import 'corsproof/vitest'` (in a test file or in `setupFiles`): registers the CORS matchers on Vitest's
 * `expect` and adds their types to what `expect(received)` returns.
 *
 * The types are added through `ExpectStatic` (a call signature returning Vitest's own assertion plus the CORS
 * matchers) rather than by merging into `Matchers`: Vitest 4 declares `Matchers<T>` and Vitest 5
 * `Matchers<R, T>`, and a merge must repeat the type parameters exactly (TS2428), so no single declaration
 * could merge into both. `ExpectStatic` has no type parameters in either version.
 */
import { expect } from 'vitest';
import { corsMatchers } from './matchers/index.js';
import type { CorsMatchers } from './matchers/types.js';

expect.extend(corsMatchers);

/** The installed Vitest's own assertion for a received `T` (`Assertion<T>` in Vitest 4, `Assertion<void, T>` in 5). */
type VitestAssertion<T> = ReturnType<typeof expect.soft<T>>;

/** `expect(received)` with the CORS matchers, also after `.not`, `.resolves` and `.rejects`. */
export type CorsAssertion<T> = VitestAssertion<T> &
  CorsMatchers<void, T> & {
    readonly not: CorsMatchers<void, T>;
    readonly resolves: CorsMatchers<Promise<void>, Awaited<T>> & { readonly not: CorsMatchers<Promise<void>, Awaited<T>> };
    readonly rejects: CorsMatchers<Promise<void>, unknown> & { readonly not: CorsMatchers<Promise<void>, unknown> };
  };

declare module 'vitest' {
  interface ExpectStatic {
    <T>(actual: T, message?: string): CorsAssertion<T>;
  }
}

export { corsMatchers };
export type * from './matchers/types.js';
