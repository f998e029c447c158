/**
 * @jest-environment jsdom
 */
require('./mock-suite.cjs')('jsdom');
