import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import nock from 'nock';
import 'corsproof/jest';
import * as corsproof from 'corsproof';
import nockSuite from './nock.suite.cjs';

const nockMajor = Number(JSON.parse(readFileSync(new URL('./node_modules/nock/package.json', import.meta.url), 'utf8')).version.split('.')[0]);
nockSuite({ test, expect, beforeAll, afterAll, afterEach, nock, nockMajor, corsproof });
