import type { Env } from "../env";

/**
 * The address people use to reach this server, decided once at start-up. Every link Stepwise
 * makes — the sign-in e-mail, invitations, QR codes, calendars, Auth.js's callbacks, the PDF's
 * address — is built on it, never on a request's Host, X-Forwarded-Host or Origin: those are the
 * sender's word, and a link built from them can be pointed at a stranger's site (issue 12.1).
 */
export type PublicUrl = {
  /** Without a trailing slash, e.g. "https://stepwise.kommune.dk". */
  url: string;
  /** False when PUBLIC_URL was not set and the listen address is used instead. */
  configured: boolean;
};

export class PublicUrlMissingError extends Error {
  constructor() {
    super(
      "PUBLIC_URL is not set. In production Stepwise builds every link (sign-in e-mails, invitations, " +
        "QR codes, calendars) from PUBLIC_URL and never from a request's Host header. Set it to the " +
        "address people use, e.g. PUBLIC_URL=https://stepwise.kommune.dk",
    );
    this.name = "PublicUrlMissingError";
  }
}

/**
 * PUBLIC_URL is required when the server runs in production on a real database. The embedded
 * demo (no DATABASE_URL: PGlite under DATA_DIR) and development default to the address the
 * server listens on, so `npm start` on a fresh clone still works; a link to that address can
 * only lead to this server.
 */
export function requirePublicUrl(e: Pick<Env, "NODE_ENV" | "PUBLIC_URL" | "DATABASE_URL">): void {
  if (!e.PUBLIC_URL && e.NODE_ENV === "production" && e.DATABASE_URL) throw new PublicUrlMissingError();
}

/** The listen address as a URL: a wildcard interface becomes "localhost". */
export function listenUrl(host: string, port: number): string {
  const wildcard = host === "" || host === "0.0.0.0" || host === "::" || host === "[::]";
  const name = wildcard ? "localhost" : host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

export function resolvePublicUrl(e: Pick<Env, "NODE_ENV" | "PUBLIC_URL" | "DATABASE_URL" | "HOST">, listenPort: number): PublicUrl {
  requirePublicUrl(e);
  if (e.PUBLIC_URL) return { url: e.PUBLIC_URL.replace(/\/+$/, ""), configured: true };
  return { url: listenUrl(e.HOST, listenPort), configured: false };
}

/**
 * Auth.js (next-auth) builds its own URLs from AUTH_URL when set, else from the request's Host. We
 * set it from the public URL, so next-auth's server-side helpers never read the Host either. An
 * AUTH_URL of another origin is refused: two addresses would put links on one and cookies on the other.
 */
export function authUrlFor(publicUrl: string, configuredAuthUrl: string | undefined): string {
  const wanted = `${publicUrl}/api/auth`;
  if (!configuredAuthUrl) return wanted;
  let origin: string | null = null;
  try {
    origin = new URL(configuredAuthUrl).origin;
  } catch {
    origin = null;
  }
  if (origin !== new URL(publicUrl).origin) {
    throw new Error(
      `AUTH_URL (${configuredAuthUrl}) is not on PUBLIC_URL (${publicUrl}). Remove AUTH_URL: Stepwise derives it from PUBLIC_URL.`,
    );
  }
  return configuredAuthUrl;
}

/** The collaboration socket's origin on the public URL: http → ws, https → wss. */
export function socketOriginOf(publicUrl: string): string {
  return new URL(publicUrl).origin.replace(/^http/, "ws");
}
