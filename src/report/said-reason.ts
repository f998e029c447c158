/**
 * A block reason made from what a console message (or a browser's own report) says: the code, the URLs, the
 * origin, the value at fault, the status. It carries no exchange and no machine-readable fix; it exists so the
 * words of such a reason come from the same functions as a verdict's (`reasonConsoleLine`, `reasonFixSentence`).
 */
import type { BlockReason, ReasonCode } from '../types.js';

export interface SaidReason {
  code: ReasonCode;
  url?: string;
  initialUrl?: string;
  origin?: string;
  failedParameter?: string;
  status?: number;
  credentialed?: boolean;
}

export function saidReason(said: SaidReason): BlockReason {
  const url = said.url ?? '';
  return {
    code: said.code,
    preflight: said.code.startsWith('Preflight') || said.code.endsWith('PreflightResponse'),
    url,
    initialUrl: said.initialUrl ?? url,
    origin: said.origin ?? '',
    requestOrigin: said.origin ?? '',
    ...(said.failedParameter !== undefined ? { failedParameter: said.failedParameter } : {}),
    ...(said.status !== undefined ? { status: said.status } : {}),
    credentialed: said.credentialed ?? false,
    fix: null,
  };
}
