import { afterAll, beforeAll, expect, test } from 'vitest';
import 'corsproof/vitest';
import * as corsproof from 'corsproof';
import identitySuite from './identity.suite.cjs';
import targetsSuite from './targets.suite.cjs';

targetsSuite({ test, expect, beforeAll, afterAll, corsproof });
identitySuite({ test, expect, load: (name) => import(name) });
