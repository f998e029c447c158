/**
 * A Chromium for the browser tests. Playwright cannot download its own browsers here, so the tests drive
 * Debian's `chromium` package, and install it when it is missing (as root, with apt-get). Where it cannot be
 * installed, `chromiumPath()` says why and the browser tests are skipped with that message.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));

let found: { path: string | null; why: string } | undefined;

export function chromiumPath(): { path: string | null; why: string } {
  found ??= locate();
  return found;
}

function locate(): { path: string | null; why: string } {
  const present = CANDIDATES.find((p) => existsSync(p));
  if (present) return { path: present, why: '' };
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    return { path: null, why: 'no Chromium at /usr/bin/chromium, and apt-get cannot run here (not root, or not Debian): install the chromium package or set CHROMIUM_PATH' };
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update'], { stdio: 'ignore', env, timeout: 300_000 });
  const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { encoding: 'utf8', env, timeout: 600_000 });
  if (existsSync('/usr/bin/chromium')) return { path: '/usr/bin/chromium', why: '' };
  return { path: null, why: `apt-get install chromium failed: ${(install.stderr || install.stdout || String(install.error ?? '')).trim().split('\n').slice(-2).join(' ')}` };
}

/** Launch options for Playwright with that Chromium, as the tests (and the example's config) use them. */
export function launchOptions(path: string) {
  return {
    executablePath: path,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  };
}
