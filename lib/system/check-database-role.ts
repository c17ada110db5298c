import type { Db } from "@/db/client";
import { readDatabaseRoleFacts } from "@/db/queries/database-role";

/** Raised at start-up, in production, when the application's database role could unguard the evidence. */
export class PrivilegedDatabaseRoleError extends Error {
  constructor(readonly problems: string[]) {
    super(
      [
        "Stepwise will not start: the database role in DATABASE_URL could switch off the guards that keep signed agreements and the access log unchangeable.",
        ...problems.map((p) => `  - ${p}`),
        "Run the application as a role that owns nothing, and the migrations as the owner with DATABASE_OWNER_URL (docs/database-roles.md).",
        "To start anyway, with this warning in the log, set ALLOW_PRIVILEGED_DATABASE_ROLE=1.",
      ].join("\n"),
    );
    this.name = "PrivilegedDatabaseRoleError";
  }
}

/**
 * What the application's own database role could do to the evidence, in words for the log; empty
 * when it can do none of it (issue 12.6). A superuser or an owner of the evidence tables can set
 * session_replication_role or disable the append-only triggers, and then rewrite history.
 */
export async function databaseRoleProblems(db: Db): Promise<string[]> {
  const f = await readDatabaseRoleFacts(db);
  const problems: string[] = [];
  if (f.superuser) problems.push(`"${f.role}" is a superuser: it can disable any trigger and skip them all with session_replication_role.`);
  if (f.ownsEvidence.length > 0)
    problems.push(`"${f.role}" owns (or is a member of the owner of) ${f.ownsEvidence.join(", ")}: it can disable their triggers.`);
  if (!f.superuser && f.mayChangeEvidence.length > 0)
    problems.push(`"${f.role}" may UPDATE, DELETE, TRUNCATE or add triggers to ${f.mayChangeEvidence.join(", ")}.`);
  if (!f.superuser && f.maySkipTriggers) problems.push(`"${f.role}" may SET session_replication_role, which skips ordinary triggers.`);
  return problems;
}
