// The first verdict in a fresh process (issue #10): `import 'corsproof/vitest'` and one matcher on a fetch
// handler load no module that verdict does not need. bench/first-verdict.mjs records every module resolved
// from the import on; the benchmark reports its times, this test only what was loaded.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
// The project's Node 22 (module.registerHooks needs 22.15 or later), whatever runs the tests.
const node = existsSync(path.join(root, 'node_modules/.bin/node')) ? path.join(root, 'node_modules/.bin/node') : process.execPath;

describe('first verdict', () => {
  it('loads only what a matcher on a fetch handler needs', () => {
    const out = execFileSync(node, [path.join(root, 'bench/first-verdict.mjs'), path.join(root, 'dist')], { cwd: root, encoding: 'utf8' });
    const { loaded, totalMs } = JSON.parse(out.trim().split('\n').pop()!) as { loaded: string[]; totalMs: number };
    expect(totalMs).toBeGreaterThan(0);
    expect(loaded).toContain('corsproof/vitest.js');
    // Parsers, schema validators, MSW, Playwright, the Public Suffix List, and Node's HTTP, stream and file
    // modules load when a feature needs them: a matcher on a fetch handler needs none of them.
    expect(loaded.filter((name) => !name.startsWith('corsproof/') && name !== 'vitest')).toEqual([]);
  });
});
