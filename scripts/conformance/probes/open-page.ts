/**
 * Open one URL in a real browser engine and wait for the page to post its result: the launcher the raw-socket
 * probes (hostile.ts, heads.ts) share. The page POSTs JSON to `/result` on the page server this starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export type ProbeEngine = 'chromium' | 'firefox' | 'webkit';

function launch(engine: ProbeEngine, url: string, profile: string): ChildProcess {
  if (engine === 'chromium') {
    return spawn('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, url],
    { stdio: 'ignore', detached: true });
  }
  if (engine === 'firefox') {
    fs.writeFileSync(path.join(profile, 'user.js'), [
      'user_pref("browser.shell.checkDefaultBrowser", false);',
      'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
      'user_pref("network.proxy.type", 0);',
      'user_pref("app.update.enabled", false);',
    ].join('\n'));
    return spawn('firefox-esr', ['--headless', '--no-remote', '--profile', profile, url], { stdio: 'ignore', detached: true });
  }
  return spawn('xvfb-run', ['-a', '/usr/bin/python3', path.resolve(root, '../shared/conformance/webkit.py'), url], { stdio: 'ignore', detached: true });
}

/** Serve `html` at `/`, open it in `engine`, and return what it POSTs to `/result` (null after 10 minutes). */
export async function runPage<T>(engine: ProbeEngine, html: string): Promise<T | null> {
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  let result: T | null = null;
  const pageServer = http.createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(html);
      return;
    }
    if (req.url === '/result') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        result = JSON.parse(body) as T;
        res.writeHead(204);
        res.end();
        done();
      });
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}/`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'probe-'));
  const child = launch(engine, url, profile);
  const timer = setTimeout(() => {
    console.error('timed out after 10 minutes');
    done();
  }, 600_000);
  await finished;
  clearTimeout(timer);
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // Already gone.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  pageServer.close();
  fs.rmSync(profile, { recursive: true, force: true });
  return result;
}

function isProbeEngine(value: string): value is ProbeEngine {
  return value === 'chromium' || value === 'firefox' || value === 'webkit';
}

/** A probe's command line, `<probe>.ts chromium|firefox|webkit OUT.json`: exits with its usage on another engine. */
export function probeArguments(probe: string): { engine: ProbeEngine; outFile: string } {
  const [, , engine = 'chromium', outFile = `${probe}-${engine}.json`] = process.argv;
  if (!isProbeEngine(engine)) {
    console.error(`usage: npx tsx scripts/conformance/probes/${probe}.ts chromium|firefox|webkit OUT.json`);
    process.exit(2);
  }
  return { engine, outFile };
}
