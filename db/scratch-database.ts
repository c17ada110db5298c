import { randomBytes } from "node:crypto";
import postgres from "postgres";

export type ScratchDatabase = {
  name: string;
  /** The application's role (DATABASE_URL). */
  appUrl: string;
  /** The owner role (DATABASE_OWNER_URL): migrations, and what a test does as an attacker with the owner's rights. */
  ownerUrl: string;
  /** False when the base role could not create roles: then both URLs are the base role's. */
  separateRoles: boolean;
  drop(): Promise<void>;
};

/**
 * A fresh database for one test file (or one e2e run) on the server behind `baseUrl`, set up the
 * way docs/database-roles.md asks of production: a new owner role that owns the database, and a
 * new application role that owns nothing. Each gets a random password, so this works with
 * password authentication as well as trust. `drop()` removes the database and both roles.
 */
export async function createScratchDatabase(baseUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  const owner = { role: `${name}_owner`, password: randomBytes(18).toString("hex") };
  const app = { role: `${name}_app`, password: randomBytes(18).toString("hex") };
  let separateRoles = true;
  try {
    // The database first, then its roles: a role whose database does not exist is then always a
    // leftover of a killed run, never one that another test file is still setting up.
    await admin.unsafe(`create database ${name}`);
    await dropLeftoverRoles(admin, prefix);
    try {
      await admin.unsafe(`create role ${owner.role} login password '${owner.password}'`);
      await admin.unsafe(`create role ${app.role} login password '${app.password}'`);
      await admin.unsafe(`alter database ${name} owner to ${owner.role}`);
    } catch (e) {
      if ((e as { code?: string }).code !== "42501") throw e;
      // Not allowed to create roles: one database, one role, as before.
      separateRoles = false;
    }
  } finally {
    await admin.end();
  }
  const urlFor = (who: { role: string; password: string } | null) => {
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    if (who) {
      url.username = who.role;
      url.password = who.password;
    }
    return url.toString();
  };
  return {
    name,
    appUrl: urlFor(separateRoles ? app : null),
    ownerUrl: urlFor(separateRoles ? owner : null),
    separateRoles,
    async drop() {
      const a = postgres(baseUrl, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists ${name} with (force)`);
        if (separateRoles) {
          await a.unsafe(`drop role if exists ${app.role}`);
          await a.unsafe(`drop role if exists ${owner.role}`);
        }
      } finally {
        await a.end();
      }
    },
  };
}

/** Roles of this prefix whose database is gone (a run killed before it could clean up). */
async function dropLeftoverRoles(admin: postgres.Sql, prefix: string): Promise<void> {
  const rows = await admin<{ rolname: string }[]>`
    select rolname from pg_roles
    where rolname like ${`${prefix}\_%`} and (rolname like '%\_owner' or rolname like '%\_app')
      and regexp_replace(rolname, '_(owner|app)$', '') not in (select datname from pg_database)`;
  for (const { rolname } of rows) await admin.unsafe(`drop role if exists ${rolname}`).catch(() => {});
}

/** One statement with the owner's rights (a test changing a table, or playing an attacker who has them). */
export async function runAsOwner(ownerUrl: string, statement: string): Promise<void> {
  const conn = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await conn.unsafe(statement);
  } finally {
    await conn.end();
  }
}
