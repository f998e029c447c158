import type { EngineProfile } from './profile.js';

export const webkit: EngineProfile = {
  name: 'webkit',
  label: 'WebKit',
  extraForbiddenRequestHeaders: new Set(),
  maxAgeCapSeconds: 600,
  defaultMaxAgeSeconds: 5,
};
