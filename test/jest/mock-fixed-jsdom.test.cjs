/**
 * @jest-environment jest-fixed-jsdom
 */
require('./mock-suite.cjs')('jest-fixed-jsdom');
