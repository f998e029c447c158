// npm run bench:tiers: what the first cold pass over the corpus is made of. Runs bench/passes.ts (bundled) in
// fresh processes under V8 flag sets and prints, per set, the median over the processes of the first pass, the
// second, and the median of passes 11 to 30. Figures are milliseconds on this machine; compare
// them with each other and with the Chromium time `npm run bench` prints in the same session.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('./.passes.bundle.mjs', import.meta.url));
const PROCESSES = Number(process.argv[2] ?? 3);
const PASSES = 30;
const SETS = [
  ['default (every tier)', []],
  ['everything compiled up front (--no-lazy --always-sparkplug)', ['--no-lazy', '--always-sparkplug']],
  ['baseline compiler, no optimizing tiers (--no-opt --no-maglev)', ['--no-opt', '--no-maglev']],
  ['interpreter only (--no-opt --no-maglev --no-sparkplug)', ['--no-opt', '--no-maglev', '--no-sparkplug']],
];

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const rows = [];
for (const [name, flags] of SETS) {
  const runs = [];
  for (let i = 0; i < PROCESSES; i++) runs.push(JSON.parse(execFileSync(process.execPath, [...flags, bundle, String(PASSES)], { encoding: 'utf8' })));
  rows.push([name, median(runs.map((r) => r[0])), median(runs.map((r) => r[1])), median(runs.map((r) => median(r.slice(10))))]);
}
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`Corpus passes under Chromium (600 scenarios), ms, median of ${PROCESSES} fresh processes · node ${process.version}`);
console.log(`${'V8 tiers'.padEnd(width)}  first pass  second pass  passes 11-30`);
for (const [name, first, second, steady] of rows) console.log(`${name.padEnd(width)}  ${first.toFixed(1).padStart(10)}  ${second.toFixed(1).padStart(11)}  ${steady.toFixed(2).padStart(12)}`);
