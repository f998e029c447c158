#!/usr/bin/env node
/**
 * `npm run demo`: start the example API on a free port, run the built `corsproof` CLI against it the way
 * you would against your own server, print what it says, and stop the server.
 *
 * Needs `npm run build` first (it runs dist/cli/main.js, the package's `bin`).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from './server.mjs';

const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write(`demo: ${cli} is missing. Run \`npm run build\` first.\n`);
  process.exit(1);
}

// `npm run demo | head`: stop quietly when the reader goes away.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const server = createServer();
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(0, '127.0.0.1', resolve);
});
const base = `http://127.0.0.1:${server.address().port}`;
process.stdout.write(`Example API (examples/server.mjs) listening on ${base}\n`);

/** Each step: the arguments, and the exit code it should end with (0 allowed / no high finding, 1 blocked / high). */
const steps = [
  {
    title: 'A credentialed GET from the trusted front end: allowed',
    args: ['check', `${base}/api/user`, '--origin', 'https://app.example', '--credentials', 'include'],
    expect: 0,
  },
  {
    title: 'A DELETE with X-CSRF-Token that the preflight forgot to allow: blocked, in every engine',
    args: ['check', `${base}/api/admin`, '--origin', 'https://app.example', '--method', 'DELETE', '--header', 'X-CSRF-Token: 1', '--credentials', 'include', '--engine', 'all'],
    expect: 1,
  },
  {
    title: 'A security review of an endpoint that reflects any origin with credentials',
    args: ['audit', `${base}/api/reflect`, '--origin', 'https://app.example'],
    expect: 1,
  },
];

let failures = 0;
try {
  for (const step of steps) {
    process.stdout.write(`\n=== ${step.title}\n$ corsproof ${step.args.map(quote).join(' ')}\n\n`);
    const code = await runCli(step.args);
    process.stdout.write(`\n(exit code ${code})\n`);
    if (code !== step.expect) {
      failures++;
      process.stderr.write(`demo: expected exit code ${step.expect}, got ${code}\n`);
    }
  }
} finally {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  process.stdout.write('\nExample API stopped.\n');
}
process.exitCode = failures === 0 ? 0 : 1;

function runCli(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function quote(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}
