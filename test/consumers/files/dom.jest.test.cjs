require('corsproof/jest');
const corsproof = require('corsproof');
const mock = require('corsproof/mock');
const domSuite = require('./dom.suite.cjs');

domSuite({ test, expect, corsproof, mock });
