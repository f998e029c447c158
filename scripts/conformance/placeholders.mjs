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

const PLACEHOLDER = /\{(origin|PORT|API_PORT|OTHER_PORT|api|other|hop(\d+))\}/g;

/** `value` with every placeholder filled (one pass; most values hold none). */
export function substitute(ports, s, value) {
  const text = String(value);
  if (!text.includes('{')) return text;
  return text.replace(PLACEHOLDER, (_, name, k) => {
    switch (name) {
      case 'origin':
        return hostBase(ports, 'page');
      case 'PORT':
        return String(ports.page);
      case 'API_PORT':
        return String(ports.api);
      case 'OTHER_PORT':
        return String(ports.other);
      case 'api':
        return hostBase(ports, 'api');
      case 'other':
        return hostBase(ports, 'other');
      default:
        return hopUrlOf(ports, s, Number(k));
    }
  });
}
