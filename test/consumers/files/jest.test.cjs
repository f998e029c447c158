require('corsproof/jest');
const corsproof = require('corsproof');
const identitySuite = require('./identity.suite.cjs');
const targetsSuite = require('./targets.suite.cjs');

targetsSuite({ test, expect, beforeAll, afterAll, corsproof });
identitySuite({ test, expect, load: async (name) => require(name) });
