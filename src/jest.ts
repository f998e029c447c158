/**
 * `require('corsproof/jest')` / `import 'corsproof/jest'` (in a test file or in `setupFilesAfterEnv`): registers
 * the CORS matchers on Jest's global `expect` and merges their types into `expect` from `@jest/globals` and into
 * `@types/jest`'s `jest.Matchers`.
 */
import { CorsproofError } from './errors.js';
import { corsMatchers } from './matchers/index.js';
import type { CorsMatchers } from './matchers/types.js';
import type {} from 'expect';

interface ExtendableExpect {
  extend(matchers: Record<string, unknown>): void;
}

const jestExpect = (globalThis as { expect?: Partial<ExtendableExpect> }).expect;
if (typeof jestExpect?.extend !== 'function') {
  throw new CorsproofError(
    'ERR_CORSPROOF_NO_EXPECT',
    "corsproof/jest found no global expect to extend: load it inside Jest (setupFilesAfterEnv or a test file). With injectGlobals: false, call expect.extend(corsMatchers) yourself, with expect from '@jest/globals' and corsMatchers from 'corsproof/matchers'.",
  );
}
jestExpect.extend(corsMatchers);

declare module 'expect' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<R extends void | Promise<void>, T = unknown> extends CorsMatchers<R, T> {}
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Matchers<R, T = {}> extends CorsMatchers<R, T> {}
  }
}

export { corsMatchers };
export type * from './matchers/types.js';
