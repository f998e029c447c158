/**
 * `loadCorsPolicy(file)`: a policy from `cors.policy.json`, or from a module (`.js`, `.mjs`, `.cjs`, and `.ts`
 * where the runtime can load TypeScript) whose default export (or `policy` export) is a policy or its config.
 * Every problem is a typed error naming the file: not found, not JSON (with the position), not a policy.
 */
import { nodeFs, nodePath, nodeUrl } from '../node-builtins.js';
import { InvalidArgumentError } from '../errors.js';
import { buildPolicy, isCorsPolicy, type DefinedCorsPolicy } from './define.js';

const MODULE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts']);

export async function loadCorsPolicy(file: string | URL, options: { argument?: string } = {}): Promise<DefinedCorsPolicy> {
  const argument = options.argument ?? 'policy file';
  if (typeof file !== 'string' && !(file instanceof URL)) {
    throw new InvalidArgumentError(argument, `expected a path, got ${typeof file}`, "Pass e.g. 'cors.policy.json'.");
  }
  const path = file instanceof URL ? nodeUrl().fileURLToPath(file) : nodePath().resolve(file);
  const shown = typeof file === 'string' ? file : path;
  const ext = nodePath().extname(path).toLowerCase();
  if (ext !== '.json' && !MODULE_EXTENSIONS.has(ext)) {
    throw new InvalidArgumentError(argument, `'${shown}' is neither .json nor a module (.js, .mjs, .cjs, .ts)`, 'Name the policy file cors.policy.json, or export the policy from cors.policy.js.');
  }
  if (ext === '.json') return parseCorsPolicy(await readText(path, shown, argument), shown);
  let loaded: Record<string, unknown>;
  try {
    await readText(path, shown, argument);
    loaded = (await import(nodeUrl().pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw error;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InvalidArgumentError(argument, `'${shown}' could not be loaded: ${message}`, ext.endsWith('ts') ? 'Load TypeScript policies under a runner that compiles them (Vitest, tsx), or write cors.policy.json.' : 'Fix the module so that it loads, or write cors.policy.json.');
  }
  const exported = loaded.default ?? loaded.policy;
  const value = isCorsPolicy(exported) ? exported : (exported as { default?: unknown } | undefined)?.default ?? exported;
  if (value === undefined) {
    throw new InvalidArgumentError(argument, `'${shown}' exports no policy`, 'Export it as the default export (export default defineCorsPolicy({...})) or as `policy`.');
  }
  return isCorsPolicy(value) ? value : buildPolicy(value, shown);
}

/** A policy from the text of a JSON file; `source` names it in errors. */
export function parseCorsPolicy(text: string, source = 'policy'): DefinedCorsPolicy {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new InvalidArgumentError(source, `is not valid JSON (${detail})`, 'Fix the JSON: double-quoted names and strings, no trailing commas, no comments.');
  }
  return buildPolicy(value, source);
}

async function readText(path: string, shown: string, argument: string): Promise<string> {
  try {
    return await nodeFs().readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InvalidArgumentError(argument, `'${shown}' does not exist`, 'Check the path (relative paths start from the current directory).');
    if (code === 'EISDIR') throw new InvalidArgumentError(argument, `'${shown}' is a directory`, 'Pass the policy file itself, e.g. cors.policy.json.');
    throw new InvalidArgumentError(argument, `'${shown}' could not be read (${code ?? String(error)})`, 'Check the file and its permissions.');
  }
}
