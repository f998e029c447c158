/**
 * Arguments of `corsproof verify` and `corsproof config`, validated into typed errors like the other commands'.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BROWSER_ENGINES } from '../engines/index.js';
import { InvalidArgumentError } from '../errors.js';
import { MIDDLEWARES, type MiddlewareName } from '../policy/middleware-config.js';
import type { EngineName } from '../types.js';
import { ENGINES, parseTargetUrl, parseTimeout } from './args.js';

export interface VerifyOptions {
  url: string;
  policy: string;
  openapi?: string;
  /** Paths given with --route (templates such as /items/:id). */
  routes: string[];
  params: Record<string, string>;
  engines: EngineName[];
  timeoutMs: number;
  json: boolean;
  sendUnsafe: boolean;
}

export interface ConfigOptions {
  policy: string;
  framework: MiddlewareName;
}


function parse(args: readonly string[], options: ParseArgsConfig['options'], command: string): { values: Record<string, string | boolean | string[] | boolean[] | undefined>; positionals: string[] } {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: string }).code;
    const option = /'(-[^']*)'/.exec(message)?.[1] ?? 'option';
    const help = `\`corsproof ${command} --help\` lists the options.`;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new InvalidArgumentError(`option ${option}`, `\`corsproof ${command}\` has no such option`, help);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /Option '(?:-\w, )?(--[\w-]+)/.exec(message)?.[1] ?? option;
      throw new InvalidArgumentError(`option ${name}`, message.includes('argument missing') ? 'it needs a value' : 'it takes no value', help);
    }
    throw new InvalidArgumentError('arguments', message, help);
  }
}

export function parseVerify(args: readonly string[]): VerifyOptions | 'help' {
  const { values: v, positionals } = parse(
    args,
    {
      policy: { type: 'string', short: 'p' },
      openapi: { type: 'string' },
      route: { type: 'string', multiple: true },
      param: { type: 'string', multiple: true },
      engine: { type: 'string', short: 'e', multiple: true },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
      'show-secrets': { type: 'boolean' },
      'send-unsafe': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    'verify',
  );
  if (v.help) return 'help';
  if (positionals.length !== 1) {
    throw new InvalidArgumentError('url', positionals.length === 0 ? 'missing' : `one base URL expected, got ${positionals.length}`, 'Give the base URL of the API, e.g. `corsproof verify http://localhost:3000 --policy cors.policy.json`.');
  }
  if (typeof v.policy !== 'string') throw new InvalidArgumentError('--policy', 'missing', 'Pass the policy file, e.g. --policy cors.policy.json.');
  const routes = (v.route as string[] | undefined) ?? [];
  for (const route of routes) {
    if (!route.startsWith('/')) throw new InvalidArgumentError('--route', `'${route}' does not start with /`, 'Give a path under the base URL, e.g. --route /items/:id.');
  }
  if (routes.length && typeof v.openapi === 'string') throw new InvalidArgumentError('--route', 'it cannot be combined with --openapi', 'Give the routes one way: the OpenAPI document, or --route for each path.');
  const params: Record<string, string> = {};
  for (const entry of (v.param as string[] | undefined) ?? []) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new InvalidArgumentError('--param', `'${entry}' is not name=value`, 'Write it as --param itemId=it-42.');
    params[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return {
    url: parseTargetUrl(positionals[0]),
    policy: v.policy,
    ...(typeof v.openapi === 'string' ? { openapi: v.openapi } : {}),
    routes,
    params,
    engines: parseEngines(v.engine as string[] | undefined),
    timeoutMs: parseTimeout(v.timeout as string | undefined),
    json: v.json === true,
    sendUnsafe: v['send-unsafe'] === true,
  };
}

export function parseConfig(args: readonly string[]): ConfigOptions | 'help' {
  const { values: v, positionals } = parse(args, { policy: { type: 'string', short: 'p' }, for: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, 'config');
  if (v.help) return 'help';
  if (positionals.length) throw new InvalidArgumentError('arguments', `unexpected ${positionals.map((p) => `'${p}'`).join(' ')}`, 'Run `corsproof config --policy cors.policy.json --for express`.');
  if (typeof v.policy !== 'string') throw new InvalidArgumentError('--policy', 'missing', 'Pass the policy file, e.g. --policy cors.policy.json.');
  if (typeof v.for !== 'string') throw new InvalidArgumentError('--for', 'missing', `Pass the framework: --for ${MIDDLEWARES.join('|')}.`);
  if (!(MIDDLEWARES as readonly string[]).includes(v.for)) throw new InvalidArgumentError('--for', `'${v.for}' is not one of ${MIDDLEWARES.join(', ')}`, `Pass --for ${MIDDLEWARES.join('|')}.`);
  return { policy: v.policy, framework: v.for as MiddlewareName };
}

/** Default: all three browsers, as the matcher. */
function parseEngines(inputs: string[] | undefined): EngineName[] {
  if (inputs === undefined || inputs.length === 0) return [...BROWSER_ENGINES];
  const out = new Set<EngineName>();
  for (const part of inputs.flatMap((i) => i.split(',')).map((p) => p.trim().toLowerCase())) {
    if (part === 'all') ENGINES.forEach((e) => out.add(e));
    else if ((ENGINES as readonly string[]).includes(part)) out.add(part as EngineName);
    else throw new InvalidArgumentError('--engine', `'${part}' is not an engine`, `Pass one or more of ${ENGINES.join(', ')} (comma-separated), or all.`);
  }
  return ENGINES.filter((e) => out.has(e));
}

