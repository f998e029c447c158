import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** shared/conformance sits beside the repository (../shared from the project root). */
export const CONFORMANCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/conformance');

export function loadJson<T>(name: string): T {
  const file = path.join(CONFORMANCE_DIR, name);
  if (!existsSync(file)) {
    throw new Error(`Recorded browser results not found at ${file}. Clone the project with ../shared beside it (shared/conformance holds the corpus).`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
