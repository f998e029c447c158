import type { EngineProfile } from './profile.js';

export const firefox: EngineProfile = {
  name: 'firefox',
  label: 'Firefox',
  extraForbiddenRequestHeaders: new Set(),
  maxAgeCapSeconds: 86400,
  defaultMaxAgeSeconds: 5,
};
