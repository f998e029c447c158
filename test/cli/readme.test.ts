/**
 * The README stays true: its 30-second example is the tested file readme-example.test.ts, its test command is
 * the one .ci/run runs, and the CLI it shows exists with those options.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('README.md', () => {
  const readme = read('README.md');

  it('shows the 30-second example exactly as test/cli/readme-example.test.ts runs it', () => {
    const file = read('test/cli/readme-example.test.ts');
    const start = '// README-EXAMPLE-START\n';
    const snippet = file.slice(file.indexOf(start) + start.length, file.indexOf('// README-EXAMPLE-END'));
    expect(snippet).toContain("import 'corsproof/vitest';");
    expect(readme).toContain('```ts\n' + snippet + '```');
  });

  it('gives the test command .ci/run runs, and the demo command', () => {
    expect(read('.ci/run')).toContain('npm ci && npm run build && npm test');
    expect(readme).toContain('npm ci && npm run build && npm test ');
    expect(readme).toContain('npm ci && npm run build && npm run demo ');
  });

  it('`npm run demo` is the example demo script', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts?: Record<string, string> };
    expect(pkg.scripts?.demo, 'package.json needs "demo": "node examples/demo.mjs"').toBe('node examples/demo.mjs');
  });

  it('links the five docs', () => {
    for (const doc of ['emulator', 'matchers', 'targets', 'cli', 'performance']) expect(readme).toContain(`](docs/${doc}.md)`);
  });
});
