import type { EngineProfile } from './profile.js';

/** The Fetch Standard to the letter, no engine quirks. */
export const spec: EngineProfile = {
  name: 'spec',
  label: 'Fetch Standard',
  extraForbiddenRequestHeaders: new Set(),
  maxAgeCapSeconds: Number.POSITIVE_INFINITY,
  defaultMaxAgeSeconds: 5,
};
