import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Auth, skipCSRFCheck } from "@auth/core";
import { getDb } from "@/db/client";
import { createAuthAdapter } from "@/db/auth-adapter";
import { newToken } from "../access/tokens";
import { storedSessionToken } from "../access/session-token";
import { publicUrl, resetEnvCache } from "../env";
import { outboxDir } from "../mail/deliver-mail";
import { buildAuthConfig } from "./auth-config";
import { handleAuthRequest } from "./handle-auth-request";
import { startOidcSignIn } from "./start-oidc-sign-in";
import { runDueJobs } from "../system/work-jobs";

/** Test helpers for staff sign-in: a private DATA_DIR (so the outbox is ours) and Auth.js requests. */

export const ORIGIN = "http://localhost:3000";

export function useTempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "stepwise-auth-"));
  process.env.DATA_DIR = dir;
  resetEnvCache();
  return dir;
}

export function outboxFiles(): string[] {
  try {
    return readdirSync(outboxDir()).sort();
  } catch {
    return [];
  }
}

/** The sign-in link in the newest outbox message to `to`. */
export function latestLinkFor(to: string): string {
  const file = outboxFiles()
    .filter((f) => f.endsWith(`-${to}.eml`))
    .pop();
  if (!file) throw new Error(`no message to ${to} in the outbox`);
  const text = readFileSync(path.join(outboxDir(), file), "utf8");
  const link = text.split(/\r?\n/).find((l) => l.startsWith("http"));
  if (!link) throw new Error(`no link in ${file}`);
  return link.trim();
}

/**
 * What next-auth's server-side `signIn("email")` does: a POST to Auth.js, without the CSRF check;
 * then the job runner's turn, so a queued sign-in mail is in the outbox when this returns.
 */
export async function authSignIn(email: string, callbackUrl = "/cases"): Promise<Response> {
  const req = new Request(`${ORIGIN}/api/auth/signin/email`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, callbackUrl }),
  });
  const res = await Auth(req, { ...(await buildAuthConfig({ requestPath: "/api/auth/signin/email" })), skipCSRFCheck });
  await runDueJobs();
  return res;
}

/** A request to Auth.js's own routes, as the route handler makes it (config built per request). */
export async function authRequest(url: string, init: RequestInit & { cookie?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", init.cookie);
  const req = new Request(new URL(url, ORIGIN), { ...init, headers });
  return Auth(req, { ...(await buildAuthConfig({ requestPath: new URL(url, ORIGIN).pathname })), skipCSRFCheck });
}

/** `name=value` of the session cookie a response sets, or null. */
export function sessionCookieOf(res: Response): string | null {
  const c = res.headers.getSetCookie().find((v) => /^(__Secure-)?authjs\.session-token=/.test(v));
  return c ? c.split(";")[0]! : null;
}

/** A live staff session for `userId`, as signing in creates it; returns the cookie's token. */
export async function openStaffSession(userId: string, opts: { method?: string; ttlMs?: number } = {}): Promise<string> {
  const sessionToken = newToken();
  const adapter = createAuthAdapter(await getDb(), { storedToken: storedSessionToken, authMethod: opts.method ?? "email-link" });
  await adapter.createSession!({ sessionToken, userId, expires: new Date(Date.now() + (opts.ttlMs ?? 3_600_000)) });
  return sessionToken;
}

/**
 * Our app's Auth.js endpoints on a real port of this machine (the route handler's code path:
 * handleAuthRequest, PUBLIC_URL set to this address), for flows an OpenID provider redirects
 * back into. Anything outside /api/auth answers 200 "page", as the app's pages would.
 */
export async function startAuthServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const url = new URL(req.url ?? "/", publicUrl());
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        const answer =
          url.pathname === "/api/auth/oidc-start"
            ? await startOidcSignIn({ providerId: url.searchParams.get("provider"), callbackUrl: url.searchParams.get("callbackUrl") })
            : url.pathname.startsWith("/api/auth/")
              ? await handleAuthRequest(new Request(url, { method: req.method, headers, body }))
              : new Response("page", { status: 200 });
        const out: Record<string, string | string[]> = {};
        answer.headers.forEach((v, k) => {
          if (k !== "set-cookie") out[k] = v;
        });
        const cookies = answer.headers.getSetCookie();
        if (cookies.length) out["set-cookie"] = cookies;
        res.writeHead(answer.status, out);
        res.end(Buffer.from(await answer.arrayBuffer()));
      })().catch((err: unknown) => {
        res.writeHead(500);
        res.end(String(err));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.PUBLIC_URL = url;
  resetEnvCache();
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
