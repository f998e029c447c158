require('corsproof/jest');
const corsproof = require('corsproof');
const mock = require('corsproof/mock');
const domSuite = require('./dom.suite.cjs');

// jest-environment-jsdom gives test files no Response: the mock API below builds its answers with Node's (a
// project would install a polyfill, or use jest-fixed-jsdom). corsproof itself needs nothing.
const { Response } = require('node:vm').runInThisContext('({ Response })');
domSuite({ test, expect, corsproof, mock, Response });
