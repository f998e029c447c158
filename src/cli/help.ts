/**
 * `corsproof --help`, `corsproof check --help`, `corsproof audit --help`.
 */

const MAIN = `corsproof: check what a browser's CORS rules do with your server, without a browser.

Usage:
  corsproof check <url> --origin <origin> [options]   would a page on <origin> be allowed to call <url>?
  corsproof audit <url> --origin <origin> [options]   what does <url>'s CORS policy let other sites do?
  corsproof verify <base-url> --policy <file>         does every route answer as the CORS policy says?
  corsproof config --policy <file> --for <framework>  middleware options that implement the policy
  corsproof explain '<console message>' | --har <file> what did the browser block, and what to change?
  corsproof --help | --version
  corsproof <command> --help

Examples:
  corsproof check http://localhost:3000/api/user --origin https://app.example --credentials include
  corsproof check http://localhost:3000/api/admin --origin https://app.example -X DELETE -H 'X-CSRF-Token: 1' --engine all
  corsproof audit https://api.example.com/me --origin https://app.example
  corsproof verify http://localhost:3000 --policy cors.policy.json --openapi openapi.yaml
  corsproof config --policy cors.policy.json --for express
  pbpaste | corsproof explain
  corsproof explain --har network.har

Exit codes:
  0  check: allowed in every engine   audit: no finding at --fail-on (default high) or above   verify: every route matches
  1  check: blocked in some engine    audit: a finding at --fail-on or above                    verify: a deviation
  2  usage error or bad input (the message says what to change)
  3  the server could not be reached, or this machine ran out of sockets (no CORS decision was made)

Colour is used on a terminal only; --no-color, NO_COLOR=1 or FORCE_COLOR=0 turn it off, --color or
FORCE_COLOR=1 turn it on for pipes.
Docs: docs/cli.md in the corsproof package (node_modules/corsproof/docs/cli.md).
`;

const CHECK = `Usage: corsproof check <url> --origin <origin> [options]

Sends the request a page on <origin> would send with fetch(<url>, ...) to the live server, preflight
included, and applies the browser's CORS rules to the answers.

Options:
  -o, --origin <origin>       the page's origin, e.g. https://app.example (required; scheme, host, port only)
  -X, --method <method>       request method (default GET)
  -H, --header 'Name: value'  a request header; repeat for more
      --credentials <mode>    omit | same-origin | include (default same-origin, as fetch)
      --mode <mode>           cors | no-cors | same-origin (default cors)
  -e, --engine <engine>       chromium | firefox | webkit | spec | all; repeat or comma-separate (default chromium);
                              the engines share one exchange: each distinct request is sent once
      --preflight-only        send only the preflight for a method that is not safe (POST, PUT, DELETE, ...);
                              the request itself is never sent (exit 0 when the preflight passes)
      --timeout <ms>          how long one exchange may take (default 10000)
      --json                  print a JSON report instead of text
      --show-secrets          print Authorization, Cookie and Set-Cookie values and URL credentials as they
                              are (default: redacted in text and JSON)
      --color, --no-color     colour the text report or not (default: on a terminal only)
  -h, --help                  this help

Exit codes: 0 allowed in every engine, 1 blocked in some engine, 2 bad input (or --preflight-only with a
request that needs no preflight: nothing was checked), 3 server unreachable.
`;

const AUDIT = `Usage: corsproof audit <url>... --origin <origin> [options]
       corsproof audit --urls <file|-> --origin <origin> [options]
       corsproof audit --openapi <file> [--base-url <url>] --origin <origin> [options]

Probes each endpoint as your origin(s) and as origins an attacker can get: a foreign site, null,
look-alikes (prefix, suffix, unescaped dot, substring), special characters after your host,
percent-encoded forms, a subdomain, the http: variant and hosting sites anyone can publish on
(github.io, netlify.app, ...); plus a request without Origin, a path that 404s, the request without
your credentials, preflights for every method the endpoint advertises (from your origin and from
foreign ones), a Private Network Access preflight (private addresses) and a WebSocket handshake
(--websocket, or when the endpoint offers Upgrade). Actual requests use GET/HEAD only unless
--send-unsafe; other methods are asked about in preflights (OPTIONS). docs/audit.md lists it all.

Options:
  -o, --origin <origin>       an origin that should be trusted (required; repeat for several)
  -X, --method <method>       the method(s) to audit (default GET; repeat or comma-separate)
  -H, --header 'Name: value'  a header sent with every probe, e.g. Authorization; repeat for more
  -b, --cookie 'name=value'   a cookie sent with every probe (signed-in endpoints); repeat for more
      --urls <file|->         more URLs, one a line (- reads them from stdin)
      --openapi <file>        every path and method of an OpenAPI 3 document (YAML or JSON)
      --base-url <url>        the server to audit for --openapi (default: the document's servers[0])
      --third-party <origin>  one more hosting origin to probe; repeat for more
      --websocket             probe the endpoint(s) as WebSocket endpoints (ws:// URLs always are)
      --send-unsafe           also send actual requests with an unsafe --method (POST, PUT, DELETE...)
      --concurrency <n>       requests in flight at once over the whole run (default 4)
      --delay <ms>            at least this long between two requests (default 0)
      --timeout <ms>          how long one probe may take (default 10000)
  -k, --insecure              accept self-signed TLS certificates (development servers)
      --fail-on <severity>    exit 1 on a finding at this severity or above: info|low|medium|high (default high)
      --json                  print the JSON report (schema version 1) instead of text
      --sarif                 print a SARIF 2.1.0 log instead of text
      --show-secrets          print Authorization, Cookie, Set-Cookie, other credential headers' values and URL
                              credentials as they are (default: redacted in text, JSON and SARIF)
      --color, --no-color     colour the text report or not (default: on a terminal only)
  -h, --help                  this help

Severities: high (another site can read responses or send requests with the user's credentials),
medium (the same from an origin that takes more to get), low, info. Cookie, Authorization and
URL credentials are redacted in every output.
Exit codes: 0 nothing at --fail-on or above, 1 a finding at --fail-on or above, 2 bad input,
3 an endpoint could not be reached.
`;

const VERIFY = `Usage: corsproof verify <base-url> --policy <file> [options]

Holds a live API to a CORS policy (cors.policy.json, or a module exporting one), route by route: the
allowed origins, methods, headers and credentials pass in every engine; a foreign site, null and look-alikes
of each allowed origin, other methods and headers are refused; Vary: Origin, the max-age and the exposed
headers hold; error responses carry the same headers. Only GET, HEAD and preflights are sent unless
--send-unsafe is given. Routes: the OpenAPI document's paths, or --route, else the base URL and the policy's
route keys.

Options:
  -p, --policy <file>         the policy (required)
      --openapi <file>        an OpenAPI 3 document (.yaml, .yml, .json) whose paths are the routes
      --route <path>          a route to probe, e.g. /items/:id (instead of --openapi); repeat
      --param name=value      a path parameter's value (default: the document's example, else 1); repeat
  -e, --engine <engine>       chromium | firefox | webkit | spec | all; repeat or comma-separate (default: the three browsers)
      --timeout <ms>          how long one exchange may take (default 10000)
      --send-unsafe           also send the PUT, PATCH, DELETE, ... after each passing preflight
      --json                  print a JSON report instead of text
      --show-secrets          print Set-Cookie values the server sends as they are (default: redacted)
  -h, --help                  this help

Exit codes: 0 every route matches, 1 a deviation, 2 bad input, 3 server unreachable.
`;

const CONFIG = `Usage: corsproof config --policy <file> --for <framework>

Prints an ES module exporting applyCors(app), which installs the middleware options that implement the
policy: express (cors), fastify (@fastify/cors), hono (hono/cors) or koa (@koa/cors). What a middleware
cannot express is said in the module's header comment, with the closest safe form printed.

Options:
  -p, --policy <file>         the policy (required)
      --for <framework>       express | fastify | hono | koa (required)
  -h, --help                  this help

Exit codes: 0 printed, 2 bad input.
`;

const EXPLAIN = `Usage: corsproof explain '<console message>' [options]
       corsproof explain [file | -] [options]     (console text from a file, or piped on standard input)
       corsproof explain --har <file.har> [options]

A console message of Chromium, Firefox or WebKit: names the reason, what the browser checked, and the fix.
A message that matches no known one whole (cut off, retyped) gets the closest reasons, ranked, marked not
certain. A HAR (Network panel: "Save all as HAR"): replays each cross-origin request through the emulator
against the recorded responses, and prints per request each engine's verdict, console message and fix.

Options:
      --har <file>            the HAR file to replay
  -o, --origin <origin>       the page's origin, for a HAR that does not show it
  -e, --engine <engine>       engines for a HAR replay (default chromium,firefox,webkit)
      --timeout <ms>          per replayed exchange (default 10000)
      --json                  print a JSON report instead of text
      --show-secrets          print the HAR's Authorization, Cookie and Set-Cookie values as they are
                              (default: redacted)
      --color, --no-color     colour the text report or not (default: on a terminal only)
  -h, --help                  this help

Exit codes: 0 every message recognised (HAR: no request blocked), 1 otherwise, 2 bad input.
`;

export function helpText(topic: 'main' | 'check' | 'audit' | 'explain' | 'verify' | 'config'): string {
  return topic === 'check' ? CHECK : topic === 'audit' ? AUDIT : topic === 'explain' ? EXPLAIN : topic === 'verify' ? VERIFY : topic === 'config' ? CONFIG : MAIN;
}
