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

  it('opens with the two commands .ci/run runs, and installs once', () => {
    const commands = readme
      .slice(readme.indexOf('```sh\n') + 6, readme.indexOf('```', readme.indexOf('```sh\n') + 6))
      .trim()
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim());
    expect(commands).toEqual(['npm ci && npm run build && npm run demo', 'npm test']);
    const ci = read('.ci/run').split('\n').filter((line) => line.startsWith('npm '));
    expect(ci).toEqual(commands);
  });

  it('explains the npm warnings before the reader meets them', () => {
    expect(readme.indexOf('EBADENGINE')).toBeGreaterThan(readme.indexOf('npm ci && npm run build'));
    expect(readme.indexOf('EBADENGINE')).toBeLessThan(readme.indexOf('## 30 seconds'));
    expect(readme).toContain('not yet covered by allowScripts');
  });

  it('`npm run demo` is the example demo script', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts?: Record<string, string> };
    expect(pkg.scripts?.demo, 'package.json needs "demo": "node examples/demo.mjs"').toBe('node examples/demo.mjs');
  });

  it('links the docs', () => {
    for (const doc of ['emulator', 'matchers', 'targets', 'cli', 'performance', 'compatibility']) expect(readme).toContain(`](docs/${doc}.md)`);
  });
});
