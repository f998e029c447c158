/**
 * @jest-environment node
 */
require('./mock-suite.cjs')('node');
