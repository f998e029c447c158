/**
 * Which watcher records CORS failures for a browser context, so that corsRoute's blocked requests reach the
 * fixture's report too.
 */
import type { EngineName } from '../types.js';
import type { JudgedRequest } from './route.js';

export interface Recorder {
  addJudged(entry: JudgedRequest, engine: EngineName): void;
}

const recorders = new WeakMap<object, Recorder>();

export function recorderOf(context: object): Recorder | undefined {
  return recorders.get(context);
}

export function setRecorder(context: object, recorder: Recorder | undefined): void {
  if (recorder) recorders.set(context, recorder);
  else recorders.delete(context);
}
