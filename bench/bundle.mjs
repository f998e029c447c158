// npm run bench, step 1: bundle bench/run.ts with esbuild the way tsup builds the package (no name-keeping
// wrappers, no source-map hooks), so the figures are those of the code users run, not of a TypeScript loader.
// Packages stay external. The bundle sits beside run.ts, so paths relative to import.meta.url still hold.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

// run.ts is the benchmark; passes.ts the process bench/tiers.mjs starts (npm run bench:tiers).
for (const name of ['run', 'passes']) {
  await build({
    entryPoints: [here(`./${name}.ts`)],
    outfile: here(`./.${name}.bundle.mjs`),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  });
}
