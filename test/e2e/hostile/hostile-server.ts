// A misbehaving HTTP server for the hostile corpus, started by a case in the test process (the CLI
// runs in a child and fetches from it), on 127.0.0.1 and an ephemeral port.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface HostileServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  close(): Promise<void>;
}

export async function serve(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    void Promise.resolve(handler(req, res)).catch(() => res.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Writes `parts()` to `res` with back-pressure, stopping when the client goes away. */
export async function stream(res: http.ServerResponse, parts: Iterable<string | Buffer>): Promise<void> {
  let gone = false;
  res.on('close', () => (gone = true));
  for (const part of parts) {
    if (gone) return;
    if (!res.write(part)) await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve));
  }
  if (!gone) res.end();
}
