/**
 * Type test (compiled by `npm run typecheck`): corsproof/msw as a TypeScript user writes it, with msw 2's and
 * msw 3's own types.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { setupServer as setupServer3 } from 'msw3/node';
import { enforceCors, withCors, type CorsEnforcement, type Verdict } from '../../src/mock/msw.js';

const handlers = withCors({ origin: 'https://app.example', credentials: true }, [http.get('https://api.example/me', () => HttpResponse.json({}))]);
const server = setupServer(...handlers);
const cors: CorsEnforcement = enforceCors(server, { origin: 'https://app.example', engine: 'firefox', onBlocked: 'throw', timeoutMs: 5000 });
const blocked: readonly Verdict[] = cors.blocked;
void blocked;
cors.reset();
cors.dispose();
enforceCors(setupServer3(), { onBlocked: (verdict: Verdict) => void verdict.reason?.code });

// @ts-expect-error not an MSW server
enforceCors([]);
// @ts-expect-error an unknown onBlocked mode
enforceCors(server, { onBlocked: 'loud' });
