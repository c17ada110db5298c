import { z } from "zod";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * An OpenID issuer we will trust: an absolute https URL without query or fragment. Plain http
 * only on this machine (tests, a developer's local IdP), because discovery, keys and the code
 * exchange travel to it and must not be readable or alterable on the way.
 */
export const oidcIssuerSchema = z
  .string()
  .trim()
  .url()
  .transform((s) => s.replace(/\/$/, ""))
  .refine((s) => {
    const u = new URL(s);
    if (u.search || u.hash || u.username || u.password) return false;
    return u.protocol === "https:" || (u.protocol === "http:" && LOOPBACK.has(u.hostname));
  }, "expected an https URL (http only for localhost)");
