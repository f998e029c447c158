// The placeholders a scenario's values carry, filled with the ports the hosts listen on: the recording harness
// (live ports) and the emulator's replay (fixed ports, scenario-transport.ts) fill them the same way.
//   {origin} {api} {other}             the page's, the API's and the other host's origin
//   {PORT} {API_PORT} {OTHER_PORT}     their ports
//   {hopN}                             the URL of the scenario's hop N

/** `http://127.0.0.1:<port>` of `host` ('page', 'api' or 'other'). */
export function hostBase(ports, host) {
  return `http://127.0.0.1:${ports[host]}`;
}

/** The URL of hop `k` of scenario `s`: its host (default `api`), path `/s/<id>/<k>`. */
export function hopUrlOf(ports, s, k) {
  return `${hostBase(ports, s.hops[k].host || 'api')}/s/${s.id}/${k}`;
}

/** `value` with every placeholder filled. */
export function substitute(ports, s, value) {
  return String(value)
    .replaceAll('{origin}', hostBase(ports, 'page'))
    .replaceAll('{PORT}', String(ports.page))
    .replaceAll('{API_PORT}', String(ports.api))
    .replaceAll('{OTHER_PORT}', String(ports.other))
    .replaceAll('{api}', hostBase(ports, 'api'))
    .replaceAll('{other}', hostBase(ports, 'other'))
    .replace(/\{hop(\d+)\}/g, (_, k) => hopUrlOf(ports, s, Number(k)));
}
