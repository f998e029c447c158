/**
 * Reading recordings: a folder of recordings holds `scenarios.json` and `results-<engine>.json`, each possibly
 * gzipped (`.json.gz`, for large generated probe sets).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Parse a JSON file, gunzipping it when its name ends in `.gz`. */
export function readJsonFile(file: string): unknown {
  const bytes = readFileSync(file);
  return JSON.parse((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
}

/** `<dir>/<name>.json` or `<dir>/<name>.json.gz`, whichever exists; null when neither does. */
export function recordingFile(dir: string, name: string): string | null {
  for (const file of [path.join(dir, `${name}.json`), path.join(dir, `${name}.json.gz`)]) if (existsSync(file)) return file;
  return null;
}
