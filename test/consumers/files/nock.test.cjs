require('corsproof/jest');
const nock = require('nock');
const corsproof = require('corsproof');
const nockSuite = require('./nock.suite.cjs');

const nockMajor = Number(require('nock/package.json').version.split('.')[0]);
nockSuite({ test, expect, beforeAll, afterAll, afterEach, nock, nockMajor, corsproof });
