import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import nock from 'nock';
import 'corsproof/jest';
import * as corsproof from 'corsproof';
import nockSuite from './nock.suite.cjs';

const nockMajor = Number(JSON.parse(readFileSync(new URL('./node_modules/nock/package.json', import.meta.url), 'utf8')).version.split('.')[0]);
// Pending until the engines of one matcher share one exchange (issue #10): `test.failing` passes while the test
// fails, and fails once it passes, so it must then become `test`.
nockSuite({ test, expect, beforeAll, afterAll, afterEach, nock, nockMajor, corsproof, pending: test.failing });
