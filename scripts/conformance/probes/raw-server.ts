/**
 * A raw TCP server on 127.0.0.1 (the exact bytes go both ways), closed for good by `close()`: what the raw-socket
 * probes (hostile-api.ts, heads-api.ts) and the transports' fault tests serve from.
 */
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface RawServer {
  url: string;
  close(): Promise<void>;
}

/** `onConnection` decides what (if anything) goes back on each connection. */
export async function tcpServer(onConnection: (socket: net.Socket) => void): Promise<RawServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
