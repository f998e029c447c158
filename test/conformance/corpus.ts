import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Config, RecordedFile } from '../../scripts/conformance/compare.js';
import { readJsonFile, recordingFile } from '../../scripts/conformance/files.js';
import type { ScenarioSpec } from '../../scripts/conformance/scenario-transport.js';

/** shared/conformance sits beside the repository (../shared from the project root). */
export const CONFORMANCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/conformance');

export function loadJson<T>(name: string): T {
  const file = path.join(CONFORMANCE_DIR, name);
  if (!existsSync(file)) {
    throw new Error(`Recorded browser results not found at ${file}. Clone the project with ../shared beside it (shared/conformance holds the corpus).`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The folders of recordings in test/conformance/recorded. */
export const RECORDED_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'recorded');

export interface Corpus {
  scenarios: ScenarioSpec[];
  /** The recording's set-up (Local Network Access), from its first results file. */
  config?: Config;
}

/** Every corpus: the shared one (../shared), then each folder of recordings (files may be gzipped). */
export function corpora(): Array<[string, () => Corpus]> {
  const folders = readdirSync(RECORDED_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return [
    ['shared', () => ({ scenarios: loadJson<ScenarioSpec[]>('scenarios.json') })],
    ...folders.map((name): [string, () => Corpus] => [`recorded/${name}`, () => {
      const dir = path.join(RECORDED_DIR, name);
      const results = ['chromium', 'firefox', 'webkit'].map((e) => recordingFile(dir, `results-${e}`)).find((f) => f !== null);
      const config = results ? (readJsonFile(results) as RecordedFile).config : undefined;
      return { scenarios: readJsonFile(recordingFile(dir, 'scenarios')!) as ScenarioSpec[], ...(config ? { config } : {}) };
    }]),
  ];
}
