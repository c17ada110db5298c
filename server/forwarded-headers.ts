import type { IncomingMessage } from "node:http";

/**
 * Route handlers cannot see the socket, so the client's address reaches them as X-Forwarded-For.
 * Unless a trusted proxy sits in front (TRUST_PROXY=1), whatever a client put in that header is
 * replaced by the socket's own address: otherwise anyone could write any IP into the evidence of
 * an agreement signature or dodge a per-IP rate limit. The edges read them in one place:
 * lib/web-security/forwarded-headers.ts.
 */
export function overwriteUntrustedForwardedHeaders(req: IncomingMessage, trustProxy: boolean): void {
  if (trustProxy) return;
  // Without a trusted proxy, the forwarded scheme and host are the client's word only.
  delete req.headers["x-forwarded-proto"];
  delete req.headers["x-forwarded-host"];
  const remote = req.socket.remoteAddress ?? "";
  req.headers["x-forwarded-for"] = remote.startsWith("::ffff:") ? remote.slice(7) : remote;
  delete req.headers["x-real-ip"];
}
