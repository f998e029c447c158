/**
 * The `corsproof` executable (built to dist/cli/main.js, the package's `bin`).
 */
import { run } from './run.js';

const code = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
process.exitCode = code;
