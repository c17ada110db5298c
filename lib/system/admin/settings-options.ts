import { STAFF_ROLES, type StaffRole } from "../../access/actor";
import { AppError, isAppError } from "../../errors";

/**
 * What org:oidc and org:eid share: the settings' field names turned back into the options the
 * operator typed (so a refusal says `--issuer must be an https address`), and `--map` parsed.
 */
export type OptionOf = Record<string, { option: string; reason?: string }>;

/** Run `configure`, answering its refusals in the words of the command line. */
export async function inOptionWords<T>(fields: OptionOf, configure: () => Promise<T>): Promise<T> {
  try {
    return await configure();
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.code === "NOT_FOUND") throw new AppError("NOT_FOUND", "no such organisation", { org: "notFound" });
    if (e.code !== "INVALID_INPUT" || !e.details) throw e;
    const details = Object.fromEntries(
      Object.entries(e.details).map(([field, code]) => [fields[field]?.option ?? field, fields[field]?.reason ?? code]),
    );
    throw new AppError("INVALID_INPUT", e.message, details);
  }
}

/**
 * `--map <group>=<role>`, once per group. Split at the last `=`, so a group named like an LDAP
 * DN (`CN=Team,OU=JC=caseworker`) keeps its own `=` and commas. Undefined when none is given: only
 * staff added beforehand then sign in, with the role they have.
 */
export function groupMapOf(pairs: readonly string[]): Record<string, StaffRole> | undefined {
  if (pairs.length === 0) return undefined;
  const map: Record<string, StaffRole> = {};
  for (const pair of pairs) {
    const i = pair.lastIndexOf("=");
    const group = pair.slice(0, Math.max(i, 0)).trim();
    const role = pair.slice(i + 1).trim();
    if (i <= 0 || !group || !(STAFF_ROLES as readonly string[]).includes(role)) {
      throw new AppError("INVALID_INPUT", "a group mapping is not <group>=<role>", { map: "groupRole" });
    }
    map[group] = role as StaffRole;
  }
  return map;
}

/** Secrets are never stored in the database (docs/decisions.md): a `--client-secret` is refused, not kept. */
export function refuseStoredSecret(args: Record<string, string>): void {
  if (args["client-secret"] !== undefined) {
    throw new AppError("INVALID_INPUT", "the client secret is not stored", { "client-secret": "notStored" });
  }
}

export const CLIENT_SECRET_OPTIONS = {
  "client-secret-env": {
    help: "the name of the server's environment variable that holds our client secret there (the secret itself is never stored)",
  },
  "client-secret": { help: "not taken: secrets stay in the server's environment; use --client-secret-env", optional: true },
} as const;
