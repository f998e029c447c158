/**
 * `import 'corsproof/vitest'` (in a test file or in `setupFiles`): registers the CORS matchers on Vitest's
 * `expect` and merges their types into `Assertion`.
 */
import { expect } from 'vitest';
import { corsMatchers } from './matchers/index.js';
import type { CorsMatchers } from './matchers/types.js';

expect.extend(corsMatchers);

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
  interface Matchers<T = any> extends CorsMatchers<void, T> {}
}

export { corsMatchers };
export type * from './matchers/types.js';
