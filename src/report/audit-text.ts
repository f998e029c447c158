/**
 * The audit's words: for each rule (by id) its name and help (SARIF, docs), and for each finding its title,
 * what was seen and why it matters, and the fix. Made from the finding's facts alone; the browser's own
 * console messages reach here as facts, taken from src/report/describe.ts where the probe was judged.
 */
import type { ProbeRef } from '../audit/rules.js';
import type { Finding, Probe } from '../audit/types.js';

export interface FindingText {
  title: string;
  detail: string;
  fix: string;
}

export interface RuleText {
  /** Short name, e.g. "Any origin is reflected". */
  name: string;
  /** What the rule checks and why it matters, one paragraph. */
  help: string;
  /** The fix, in general. */
  fix: string;
}

type Facts = Finding['facts'];
const str = (f: Facts, k: string) => String(f[k] ?? '');
const arr = (f: Facts, k: string) => (Array.isArray(f[k]) ? (f[k] as string[]) : []);
const yes = (f: Facts, k: string) => f[k] === true;
const cookies = (f: Facts) => (yes(f, 'credentials') ? " with the user's cookies" : '');
const creds = (f: Facts) => (yes(f, 'credentials') ? ', with credentials' : '');
const both = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** The regex literal that matches exactly `origin`: anchored, with `.` and `/` escaped. */
export function exactRegex(origin: string): string {
  return `/^${origin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$/`;
}

const NO_CREDS_LATENT = 'Without Access-Control-Allow-Credentials a page there reads only what any client could fetch, so today this is a broken check rather than a leak; the day credentials are switched on it becomes high.';

export const RULE_TEXT: Record<string, RuleText> = {
  'origin-reflected': {
    name: 'Any origin is reflected',
    help: 'The server echoes whatever Origin it receives in Access-Control-Allow-Origin. With Access-Control-Allow-Credentials: true, any website a signed-in user visits can read the responses with the user\'s cookies.',
    fix: 'Compare Origin with an exact allow-list of your front-end origins and send Access-Control-Allow-Origin only for those.',
  },
  'null-origin': {
    name: 'Origin null is allowed',
    help: 'Access-Control-Allow-Origin: null matches the origin of sandboxed iframes, data: and file: documents, which any attacker can produce.',
    fix: "Never allow the origin 'null'; drop it from the allow-list, and never send Access-Control-Allow-Origin: null as a default.",
  },
  'lookalike-origin': {
    name: 'Look-alike origins are allowed',
    help: 'The origin check matches a prefix, a suffix, a substring or an unanchored/unescaped regex, so domains anyone can register (evilapp.example, app.example.evil.example, appxexample, a truncated host) pass it.',
    fix: 'Compare the whole Origin exactly against an allow-list, or anchor and escape the regex.',
  },
  'third-party-origin': {
    name: 'A hosting site anyone can publish on is trusted',
    help: 'An origin on a shared hosting, playground or preview domain (github.io, codepen.io, netlify.app, vercel.app, pages.dev, herokuapp.com...) is allowed: anyone with an account there can serve a page from an allowed origin.',
    fix: 'Remove shared hosting domains and wildcards over them from the allow-list; list your own deployment origins exactly.',
  },
  'parser-confusion-origin': {
    name: 'The origin check stops at a special character',
    help: 'An origin with a special character after the trusted host (https://app.example_.evil.example) is allowed: the check ends the host at that character or matches it with a loose character class. Browsers that follow the URL Standard send such origins as they are.',
    fix: 'Parse the Origin with a real URL parser and compare the whole origin exactly, or anchor and escape the regex.',
  },
  'percent-encoded-origin': {
    name: 'A percent-encoded origin is allowed',
    help: 'The server allows an Origin with a %-escape in its host, as sent or decoded. No browser sends one, so this alone lets no site in, but a check that decodes or matches loosely is likely to have other holes.',
    fix: 'Compare the Origin header byte for byte against an allow-list; never decode it.',
  },
  'subdomain-trusted': {
    name: 'Any subdomain is trusted',
    help: 'An arbitrary subdomain of the trusted host is allowed, so an XSS or a subdomain takeover anywhere under it reads these responses.',
    fix: 'List the subdomains that need access instead of trusting all of them.',
  },
  'insecure-origin': {
    name: 'The http: origin is trusted too',
    help: 'The plain-http variant of an https: origin is allowed: a network attacker can inject script into that page and read these responses.',
    fix: 'Allow only the https: origin.',
  },
  'preflight-any-origin': {
    name: 'The preflight lets any origin send non-simple requests',
    help: 'A preflight from a foreign origin passes for an unsafe method (PUT, DELETE, PATCH, a JSON POST): the browser then sends the request, with cookies when credentials are allowed, even if the actual response is strict and cannot be read. A preflight guards state-changing requests; a permissive one turns them into cross-site request forgery.',
    fix: 'Answer preflights with the same allow-list as actual requests: no Access-Control-Allow-Origin for origins that are not on it.',
  },
  'allow-origin-invalid': {
    name: 'Access-Control-Allow-Origin is not one origin',
    help: 'Access-Control-Allow-Origin must be *, null or exactly one serialised origin. Patterns (https://*.app.example), lists and values with a path or trailing slash never match, so browsers block the response.',
    fix: 'Send exactly one origin, the request\'s Origin when it is on your allow-list.',
  },
  'missing-vary-origin': {
    name: 'Vary: Origin is missing',
    help: 'Access-Control-Allow-Origin depends on the Origin (or on whether there is one) but the response lacks Vary: Origin, so a browser or shared cache can serve one origin\'s answer to another.',
    fix: 'Send Vary: Origin on every response whose CORS headers depend on Origin, allowed or not.',
  },
  'wildcard-with-credentials': {
    name: 'Access-Control-Allow-Origin: * with credentials',
    help: 'Browsers refuse credentialed requests on a wildcard, so requests with cookies fail; credentials were probably intended.',
    fix: 'For credentialed requests send the exact origin from an allow-list (and Vary: Origin) instead of *; otherwise drop Access-Control-Allow-Credentials.',
  },
  'wildcard-sensitive-headers': {
    name: 'A wildcard response exposes credential-looking headers',
    help: 'Access-Control-Allow-Origin: * with Access-Control-Expose-Headers naming tokens, cookies or auth headers, or *. Without credentials nothing user-specific is readable, but check that these headers are meant for every website.',
    fix: 'Expose only the headers any site may read, or restrict Access-Control-Allow-Origin to your origins.',
  },
  'wildcard-sets-cookies': {
    name: 'A wildcard response sets cookies',
    help: 'Access-Control-Allow-Origin: * on a response with Set-Cookie. Browsers ignore cookies set on uncredentialed cross-origin responses, so the cookie only works for same-site requests.',
    fix: 'Check that the endpoint is meant to be public; if cross-origin sessions are intended, use an allow-list with credentials.',
  },
  'origin-not-allowed': {
    name: 'The trusted origin cannot read the responses',
    help: 'The answer to a trusted origin has no matching Access-Control-Allow-Origin, so browsers block it.',
    fix: 'Send Access-Control-Allow-Origin with that origin if it should call this endpoint (check it with corsproof check).',
  },
  'no-credentials': {
    name: 'Requests with credentials from the trusted origin are blocked',
    help: 'The answer has no Access-Control-Allow-Credentials: true, so fetch(..., { credentials: "include" }) fails; requests without cookies work.',
    fix: 'If the front end sends cookies, add Access-Control-Allow-Credentials: true.',
  },
  'error-without-cors': {
    name: 'Error responses have no CORS headers',
    help: 'A 404, a refused (401/403) or a failed (5xx) response has no Access-Control-Allow-Origin, so the browser reports a CORS error instead of the status and the front end cannot tell "not found" or "log in again" from a blocked request.',
    fix: 'Add the CORS headers before routing, authentication and error handling, so error responses carry them too.',
  },
  'private-network-broad': {
    name: 'Private network access is granted to any origin',
    help: 'Access-Control-Allow-Private-Network: true answers a Private Network Access preflight from a foreign origin. The header no longer does anything: Chromium sent those preflights without ever enforcing the answer, then replaced them with the Local Network Access permission prompt (Chrome 142), and Firefox and Safari never sent them. What protects a private server today is the user\'s prompt and the server\'s own origin check.',
    fix: 'Drop Access-Control-Allow-Private-Network; allow only your own origins in Access-Control-Allow-Origin.',
  },
  'websocket-cross-site': {
    name: 'Cross-site WebSocket hijacking',
    help: 'The WebSocket handshake from a foreign origin is accepted. WebSockets are not covered by CORS: browsers send cookies with the handshake and let any page read and write the socket, so the server must check Origin itself.',
    fix: 'Check the Origin header of the handshake against an allow-list and refuse (403) any other; do not rely on cookies alone to authenticate the socket.',
  },
  'preflight-fails': {
    name: 'Preflighted requests from the trusted origin are blocked',
    help: 'The trusted origin\'s preflight for a non-simple request (PUT, DELETE, a JSON body, custom headers) fails, so those requests never reach the server.',
    fix: 'Answer OPTIONS with a 2xx status, the same Access-Control-Allow-Origin, and Access-Control-Allow-Methods and -Headers listing what the front end sends.',
  },
  'preflight-max-age-missing': {
    name: 'The preflight has no Access-Control-Max-Age',
    help: 'Browsers then cache it for 5 seconds only, so almost every non-simple request costs an extra OPTIONS round trip.',
    fix: "Send Access-Control-Max-Age: 600 (or up to 7200, Chromium's limit).",
  },
  'preflight-max-age-invalid': {
    name: 'Access-Control-Max-Age is not a number of seconds',
    help: 'Browsers ignore it and cache the preflight for 5 seconds.',
    fix: 'Send a whole number of seconds, e.g. Access-Control-Max-Age: 600.',
  },
  'preflight-max-age-long': {
    name: 'Access-Control-Max-Age is longer than any browser keeps a preflight',
    help: 'Chromium keeps a preflight 2 hours at most, Firefox 24 hours, WebKit 10 minutes; the rest is ignored, and a policy change reaches Firefox users only a day later.',
    fix: 'Send a value from 600 to 7200.',
  },
  'wildcard-methods': {
    name: 'Access-Control-Allow-Methods: *',
    help: 'With credentials, browsers read * as a method literally named "*", so credentialed preflighted requests fail; without credentials it allows every method.',
    fix: 'List the methods the front end uses, e.g. GET, POST, PUT, DELETE.',
  },
  'wildcard-headers': {
    name: 'Access-Control-Allow-Headers: *',
    help: 'With credentials, browsers read * as a header literally named "*", so credentialed requests with custom headers fail; without credentials it allows every header but Authorization.',
    fix: 'List the headers the front end uses, e.g. Content-Type, Authorization, X-CSRF-Token.',
  },
};

/** The title, detail and fix of one finding. */
export function findingText(finding: Finding): FindingText {
  const f = finding.facts;
  const o = finding.origins;
  const rule = RULE_TEXT[finding.id];
  switch (finding.id) {
    case 'origin-reflected':
      return {
        title: `Any origin is reflected${creds(f)}`,
        detail: yes(f, 'credentials')
          ? `A request from ${o[0]} got Access-Control-Allow-Origin: ${str(f, 'allowOrigin')} and Access-Control-Allow-Credentials: true. Any website a signed-in user visits can read this endpoint's responses with the user's cookies.`
          : `A request from ${o[0]} got Access-Control-Allow-Origin: ${str(f, 'allowOrigin')}. Any website can read the responses, as with *. ${NO_CREDS_LATENT}`,
        fix: rule.fix,
      };
    case 'null-origin':
      return {
        title: `Origin null is allowed${creds(f)}`,
        detail: `A request with Origin: null got Access-Control-Allow-Origin: null${yes(f, 'credentials') ? ' and credentials' : ''}${yes(f, 'static') ? ', and so did requests from other origins (a static or default null)' : ''}. Sandboxed iframes and data: documents send null, and any attacker can produce one${yes(f, 'credentials') ? ': they read the responses with the user\'s cookies.' : `. ${NO_CREDS_LATENT}`}`,
        fix: rule.fix,
      };
    case 'lookalike-origin':
      return {
        title: `Look-alike origins are allowed${creds(f)}`,
        detail: `${both(o)} ${o.length === 1 ? 'was' : 'were'} allowed as if ${str(f, 'basis')}. The origin check matches a prefix, suffix, substring or an unanchored/unescaped regex; anyone can register such a domain${yes(f, 'credentials') ? ' and read the responses with the user\'s cookies' : ''}.${yes(f, 'credentials') ? '' : ` ${NO_CREDS_LATENT}`}`,
        fix: `Compare the whole Origin exactly (origin === '${str(f, 'basis')}'), or anchor and escape the regex: ${exactRegex(str(f, 'basis'))}.`,
      };
    case 'third-party-origin':
      return {
        title: `A hosting site anyone can publish on is trusted${creds(f)}`,
        detail: `${both(o)} ${o.length === 1 ? 'was' : 'were'} allowed. Anyone with an account there can serve a page from that origin and read these responses${cookies(f)}.${yes(f, 'credentials') ? '' : ` ${NO_CREDS_LATENT}`}`,
        fix: rule.fix,
      };
    case 'parser-confusion-origin': {
      const https = o.every((x) => x.startsWith('https:'));
      if (f.sendable === false) {
        return {
          title: 'The origin check accepts characters no browser sends',
          detail: `${both(o)} ${o.length === 1 ? 'was' : 'were'} allowed as if ${str(f, 'basis')} (characters ${arr(f, 'variants').map((v) => `'${v}'`).join(' ')}). No browser puts these in a host name, so this alone lets no site in; but the check ends the host early or matches loosely.`,
          fix: `Parse Origin with a URL parser and compare the whole origin exactly (origin === '${str(f, 'basis')}').`,
        };
      }
      return {
        title: `The origin check stops at a special character${creds(f)}`,
        detail: `${both(o.slice(0, 4))}${o.length > 4 ? ` and ${o.length - 4} more` : ''} ${o.length === 1 ? 'was' : 'were'} allowed as if ${str(f, 'basis')} (characters ${arr(f, 'variants').map((v) => `'${v}'`).join(' ')}). Browsers following the URL Standard send such origins as they are; the attacker owns the domain after the character.${https && yes(f, 'credentials') ? ' Over https the attacker also needs a certificate for that host name, which public CAs do not issue for names with these characters: medium, not high.' : ''}${yes(f, 'credentials') ? '' : ` ${NO_CREDS_LATENT}`}`,
        fix: `Parse Origin with a URL parser and compare the whole origin exactly (origin === '${str(f, 'basis')}'), or anchor and escape the regex: ${exactRegex(str(f, 'basis'))}.`,
      };
    }
    case 'percent-encoded-origin':
      return {
        title: 'A percent-encoded origin is allowed',
        detail: `${both(o)} ${o.length === 1 ? 'was' : 'were'} allowed (as sent or decoded). No browser sends a % in an Origin's host, so this alone lets no site in; but the check decodes or matches loosely.`,
        fix: rule.fix,
      };
    case 'subdomain-trusted':
      return {
        title: `Any subdomain is trusted${creds(f)}`,
        detail: `${o[0]} was allowed. If that is intended, any subdomain (and any XSS or takeover on one) can read these responses${cookies(f)}.`,
        fix: rule.fix,
      };
    case 'insecure-origin':
      return {
        title: `The http: origin is trusted too${creds(f)}`,
        detail: `${o[0]} was allowed. A network attacker can inject script into a plain-http page of that host and read these responses${cookies(f)}.`,
        fix: rule.fix,
      };
    case 'preflight-any-origin': {
      const methods = both(arr(f, 'methods'));
      return {
        title: `The preflight lets ${o.includes('null') && o.length === 1 ? 'origin null' : 'any origin'} send ${methods}${creds(f)}`,
        detail: `A preflight from ${both(o)} for ${methods} with Content-Type: application/json passes${yes(f, 'credentials') ? ' with credentials' : ''}, so a browser sends that request from any website${cookies(f)}${yes(f, 'actualStrict') ? ', although the actual response is strict: the page cannot read the answer, but the request has done its work' : ''}.${yes(f, 'credentials') ? ' That is cross-site request forgery on every state-changing method.' : ' Without credentials the request carries no cookies.'}`,
        fix: rule.fix,
      };
    }
    case 'allow-origin-invalid':
      return {
        title: `Access-Control-Allow-Origin: ${str(f, 'value')} is not one origin`,
        detail: `${yes(f, 'toTrusted') ? `The answer to ${str(f, 'origin')}` : `The answer to ${o[0]}`} has Access-Control-Allow-Origin: ${str(f, 'value')}. Browsers compare it byte for byte with the page's origin, so it matches no page${str(f, 'message') ? `: ${str(f, 'message')}` : '.'}`,
        fix: str(f, 'browserFix') || rule.fix,
      };
    case 'missing-vary-origin':
      return {
        title: 'Vary: Origin is missing while Access-Control-Allow-Origin depends on Origin',
        detail: `The answers for ${yes(f, 'every') ? 'every probe' : both(o.slice(0, 6)) + (o.length > 6 ? ` and ${o.length - 6} more` : '')} have no Vary: Origin. A browser or shared cache can serve one origin's answer to another${yes(f, 'specific') ? ': users of your origin get blocked at random, or get another origin\'s grant' : ' (here the difference is * or nothing, so at worst a request is blocked)'}.`,
        fix: rule.fix,
      };
    case 'wildcard-with-credentials':
      return { title: 'Access-Control-Allow-Origin: * sent with Access-Control-Allow-Credentials: true', detail: `${rule.help} (WildcardOriginNotAllowed)`, fix: rule.fix };
    case 'wildcard-sensitive-headers':
      return {
        title: 'A wildcard response exposes credential-looking headers',
        detail: `Access-Control-Allow-Origin: * with Access-Control-Expose-Headers: ${arr(f, 'headers').join(', ')}: every website can read ${arr(f, 'headers').includes('*') ? 'every response header' : 'these headers'}. Without credentials nothing user-specific is readable; check they are meant to be public.`,
        fix: rule.fix,
      };
    case 'wildcard-sets-cookies':
      return { title: 'A wildcard response sets cookies', detail: rule.help, fix: rule.fix };
    case 'origin-not-allowed':
      return {
        title: `${o[0]} cannot read the responses`,
        detail: str(f, 'allowOrigin') === ''
          ? `The answer has no Access-Control-Allow-Origin, so browsers block it for that origin.${str(f, 'message') ? ` ${str(f, 'message')}` : ''}`
          : `The answer has Access-Control-Allow-Origin: ${str(f, 'allowOrigin')}, which does not match.${str(f, 'message') ? ` ${str(f, 'message')}` : ''}`,
        fix: `If ${o[0]} should call this endpoint, send Access-Control-Allow-Origin: ${o[0]} (check it with \`corsproof check\`).`,
      };
    case 'no-credentials':
      return { title: `Requests with credentials from ${o[0]} are blocked`, detail: rule.help, fix: rule.fix };
    case 'error-without-cors':
      return {
        title: 'Error responses have no CORS headers',
        detail: `${both(arr(f, 'statuses'))} came without Access-Control-Allow-Origin, so a page on ${o[0]} sees a CORS error (a failed fetch) instead of the status, and cannot tell "not found" or "log in again" from a blocked request.`,
        fix: rule.fix,
      };
    case 'private-network-broad':
      return { title: 'Private network access is granted to any origin', detail: `A Private Network Access preflight from ${o[0]} got Access-Control-Allow-Private-Network: true. ${rule.help.split('. ').slice(1).join('. ')}`, fix: rule.fix };
    case 'websocket-cross-site':
      return {
        title: 'Cross-site WebSocket hijacking: a foreign origin\'s handshake is accepted',
        detail: `The WebSocket handshake from ${both(o)} got 101 Switching Protocols. WebSockets are not covered by CORS: a page on any website opens the socket with the user's cookies and reads and writes it${yes(f, 'signedIn') ? ' (this probe was signed in with your cookie)' : '; if the socket authenticates by cookie, that page acts as the user'}.`,
        fix: rule.fix,
      };
    case 'preflight-fails': {
      const asked = `${str(f, 'method')}${arr(f, 'headers').length ? ` with ${arr(f, 'headers').join(', ')}` : ''}${yes(f, 'credentials') ? ', with credentials' : ''}`;
      return {
        title: `Preflighted requests from ${o[0]} are blocked`,
        detail: `The preflight for ${asked} fails (${str(f, 'code')}): ${str(f, 'message')} Simple GETs work; PUT/DELETE, JSON bodies and custom headers do not. If the front end only reads this endpoint, nothing to do.`,
        fix: str(f, 'browserFix') || rule.fix,
      };
    }
    case 'preflight-max-age-missing':
      return { title: rule.name, detail: rule.help, fix: rule.fix };
    case 'preflight-max-age-invalid':
      return { title: `Access-Control-Max-Age: ${str(f, 'value')} is not a number of seconds`, detail: rule.help, fix: rule.fix };
    case 'preflight-max-age-long':
      return { title: `Access-Control-Max-Age: ${str(f, 'value')} is longer than any browser keeps a preflight`, detail: rule.help, fix: rule.fix };
    case 'wildcard-methods':
    case 'wildcard-headers': {
      const which = finding.id === 'wildcard-methods' ? 'Methods' : 'Headers';
      const noun = finding.id === 'wildcard-methods' ? 'method' : 'header';
      return yes(f, 'credentials')
        ? { title: `Access-Control-Allow-${which}: * with credentials is read literally`, detail: `With Access-Control-Allow-Credentials: true, browsers treat * as a ${noun} literally named "*", so credentialed requests needing a preflight fail.`, fix: rule.fix }
        : { title: `Access-Control-Allow-${which}: * allows every ${noun}`, detail: `Every allowed origin may send any ${finding.id === 'wildcard-methods' ? 'method (DELETE, PATCH, ...)' : 'request header (except Authorization, which * never covers)'}; without credentials that is what any client can do anyway.`, fix: rule.fix };
    }
    default:
      return { title: rule?.name ?? finding.id, detail: rule?.help ?? '', fix: rule?.fix ?? '' };
  }
}

const ORIGIN_LABEL: Record<string, string> = {
  trusted: 'your origin',
  foreign: 'foreign origin',
  null: 'null origin',
  prefix: 'prefix look-alike',
  suffix: 'suffix look-alike',
  'unescaped-dot': 'unescaped-dot look-alike',
  include: 'substring look-alike',
  subdomain: 'subdomain',
  scheme: 'http: of your origin',
  'third-party': 'hosting site',
};

/** A short label for a probe, for tables: `foreign origin`, `special character _`, `preflight PUT content-type`. */
export function probeLabel(probe: Probe): string {
  switch (probe.kind) {
    case 'origin':
      if (probe.originKind === 'special-char') return `special character ${probe.variant}`;
      if (probe.originKind === 'percent-encoded') return `percent-encoded ${probe.variant}`;
      return ORIGIN_LABEL[probe.originKind ?? ''] ?? 'origin';
    case 'no-origin':
      return 'no Origin header';
    case 'not-found':
      return 'path that does not exist';
    case 'unauthenticated':
      return 'without your credentials';
    case 'preflight':
      return `preflight ${[probe.method, ...(probe.requestHeaders ?? [])].join(' ')}`;
    case 'private-network':
      return 'private network preflight';
    case 'websocket':
      return 'WebSocket handshake';
  }
}

/** Describes the probes a table leaves out: `41 more origin probes (look-alikes, special characters, hosting sites): none granted`. */
export function omittedProbes(probes: Probe[], granted = 0, wildcard = 0): string {
  const kinds = new Set(probes.map((p) => p.originKind));
  const what = [
    kinds.has('prefix') || kinds.has('suffix') || kinds.has('unescaped-dot') || kinds.has('include') ? 'look-alikes' : '',
    kinds.has('subdomain') || kinds.has('scheme') ? 'subdomain, http:' : '',
    kinds.has('special-char') || kinds.has('percent-encoded') ? 'special characters' : '',
    kinds.has('third-party') ? 'hosting sites' : '',
  ].filter(Boolean);
  const outcome = wildcard === probes.length ? 'every one got * too' : granted === 0 ? 'none granted by name' : granted === probes.length ? 'every one granted too' : `${granted} granted too, ${probes.length - granted} not`;
  return `${probes.length} more origin probe${probes.length === 1 ? '' : 's'}${what.length ? ` (${what.join(', ')})` : ''}: ${outcome}`;
}

const PROBE_REF_TEXT: Record<string, string> = {
  origin: 'every origin probe',
  'no-origin': 'the request without Origin',
  'not-found': 'the path that does not exist',
  unauthenticated: "the request without the user's credentials",
  preflight: 'the preflights',
  'preflight:trusted': 'the preflights from the trusted origins',
  'preflight:foreign': 'the preflights from the foreign origin and null for every advertised method',
  'private-network': 'the Private Network Access preflight from the foreign origin (private and local addresses)',
  websocket: 'the WebSocket handshakes from a trusted and the foreign origin',
};

/** The probes a rule reads, in words: `the origin probes: prefix, suffix; the request without Origin`. */
export function probeRefText(refs: readonly ProbeRef[]): string {
  const kinds = refs.filter((r) => r.startsWith('origin:')).map((r) => (ORIGIN_LABEL[r.slice(7)] ?? r.slice(7).replace('-', ' ')));
  const others = refs.filter((r) => !r.startsWith('origin:')).map((r) => PROBE_REF_TEXT[r] ?? r);
  return [...(kinds.length ? [`the origin probes: ${kinds.join(', ')}`] : []), ...others].join('; ');
}
