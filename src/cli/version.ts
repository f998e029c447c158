/**
 * The package version, read from package.json next to the build (`dist/cli/main.js` -> `../../package.json`;
 * the same relative path from `src/cli/`).
 */
import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
