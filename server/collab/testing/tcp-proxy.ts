/**
 * Test support (not a test): "several instances behind one address". A TCP proxy that hands each
 * new connection to the next live backend (round robin), so clients of one room spread over the
 * instances; `cut(port)` kills a backend as a crash would look from outside (every connection to
 * it dropped, no close frame) and sends new connections to the others.
 */
import net from "node:net";
import type { AddressInfo } from "node:net";

export type TcpProxy = {
  port: number;
  /** ws://127.0.0.1:<port>/collab */
  url: string;
  cut(backendPort: number): void;
  close(): Promise<void>;
};

export async function startTcpProxy(backendPorts: number[]): Promise<TcpProxy> {
  const alive = [...backendPorts];
  const pairs = new Map<number, Set<net.Socket>>();
  let next = 0;
  const server = net.createServer((client) => {
    if (alive.length === 0) return client.destroy();
    const port = alive[next++ % alive.length]!;
    const upstream = net.connect(port, "127.0.0.1");
    const set = pairs.get(port) ?? new Set<net.Socket>();
    pairs.set(port, set);
    set.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      set.delete(client);
      set.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `ws://127.0.0.1:${port}/collab`,
    cut(backendPort) {
      const i = alive.indexOf(backendPort);
      if (i >= 0) alive.splice(i, 1);
      for (const s of pairs.get(backendPort) ?? []) s.destroy();
    },
    async close() {
      for (const set of pairs.values()) for (const s of set) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
