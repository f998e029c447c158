import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** The one front-end origin the example API trusts: `https://app.example`. */
export declare const TRUSTED_ORIGIN: string;
/** The example API's request listener. */
export declare function handleRequest(req: IncomingMessage, res: ServerResponse): void;
/** An unstarted `http.Server` serving the example API. */
export declare function createServer(): Server;
