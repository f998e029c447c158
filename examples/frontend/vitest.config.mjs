// Vitest, in both DOM environments, on the app's origin.
import { defineConfig } from 'vitest/config';

const page = 'https://shop.example';

export default defineConfig({
  root: import.meta.dirname,
  test: {
    globals: true,
    projects: ['happy-dom', 'jsdom'].map((environment) => ({
      extends: true,
      test: { name: environment, environment, environmentOptions: { happyDOM: { url: page }, jsdom: { url: page } } },
    })),
  },
});
