import { createRequire } from 'node:module';
const before = new Set();
const t1 = performance.now();
await import('../dist/matchers.js');
const t2 = performance.now();
console.log('corsproof/matchers import ms', (t2-t1).toFixed(1));
