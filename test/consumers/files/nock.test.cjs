require('corsproof/jest');
const nock = require('nock');
const corsproof = require('corsproof');
const nockSuite = require('./nock.suite.cjs');

const nockMajor = Number(require('nock/package.json').version.split('.')[0]);
// Pending until the engines of one matcher share one exchange (issue #10): `test.failing` passes while the test
// fails, and fails once it passes, so it must then become `test`.
nockSuite({ test, expect, beforeAll, afterAll, afterEach, nock, nockMajor, corsproof, pending: test.failing });
