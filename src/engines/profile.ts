/**
 * What an engine does differently from the Fetch Standard, as data plus small hooks. Every field documents the
 * behaviour it models and where it was observed (recorded browser results in shared/conformance).
 */
import type { EngineName } from '../types.js';
import type { SafelistHook } from '../spec/request-headers.js';

export interface EngineProfile {
  readonly name: EngineName;
  /** Human name used in messages. */
  readonly label: string;
  /** Extra or different CORS-safelisted request-headers (`undefined` from the hook defers to the standard). */
  readonly safelist?: SafelistHook;
  /** Request headers the engine drops from script's request on top of the standard's forbidden list. */
  readonly extraForbiddenRequestHeaders: ReadonlySet<string>;
  /** Cap on `Access-Control-Max-Age`, in seconds (the standard leaves it to the user agent). */
  readonly maxAgeCapSeconds: number;
  /** Max-age used when the header is absent or invalid. */
  readonly defaultMaxAgeSeconds: number;
}
