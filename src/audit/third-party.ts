/**
 * Origins anyone can publish a page on: static hosting, code playgrounds and preview deployments. A server
 * that trusts one of them (or a wildcard over one of their domains) trusts every stranger with an account.
 * Each entry is an origin a probe sends, with a host label no real site owns; users add their own with
 * `thirdPartyOrigins` (`--third-party`).
 *
 * Keep it to hosts where anyone can get a page served under that exact registrable domain, over https.
 */
export const THIRD_PARTY_ORIGINS: readonly string[] = [
  'https://corsproof-probe.github.io',
  'https://corsproof-probe.gitlab.io',
  'https://codepen.io',
  'https://cdpn.io',
  'https://jsfiddle.net',
  'https://fiddle.jshell.net',
  'https://jsbin.com',
  'https://corsproof-probe.netlify.app',
  'https://corsproof-probe.vercel.app',
  'https://corsproof-probe.pages.dev',
  'https://corsproof-probe.herokuapp.com',
  'https://corsproof-probe.web.app',
  'https://corsproof-probe.firebaseapp.com',
  'https://corsproof-probe.glitch.me',
  'https://corsproof-probe.onrender.com',
  'https://corsproof-probe.azurewebsites.net',
  'https://corsproof-probe.s3.amazonaws.com',
  'https://storage.googleapis.com',
  'https://corsproof-probe.replit.app',
  'https://stackblitz.com',
  'https://codesandbox.io',
];
