import type { PGlite, Transaction } from "@electric-sql/pglite";
import type postgres from "postgres";
import { ALL_ORGANISATIONS, NO_ORGANISATION, organisationScope } from "./organisation-scope";

/**
 * The drivers under drizzle, wrapped so that every statement runs with `stepwise.organisation_id`
 * set to the current scope (organisation-scope.ts) — transaction-local, so a pooled connection
 * never carries one request's organisation into another's statement. A statement outside a
 * transaction becomes a short transaction of its own; a transaction sets it once at its start.
 *
 * `outside`: the scope of a statement sent outside every scope. NO_ORGANISATION (no case data)
 * for the application; unit tests' scratch databases open with ALL_ORGANISATIONS, their fixtures
 * acting as the operator (lib/testing/test-database.ts).
 */
export type OutsideScope = typeof NO_ORGANISATION | typeof ALL_ORGANISATIONS;

/**
 * Called once for each statement the application sends through a wrapped client, in a transaction
 * or not — not for the scope's own `begin`/`set local`/`commit` around it. db/client.ts counts
 * them per handle: /metrics shows the total, and a test can see what a path costs (issue 19).
 */
export type OnStatement = () => void;

/**
 * `SET LOCAL`, not set_config(): a utility statement takes no snapshot, so a transaction may still
 * choose its isolation level after it. It takes no parameters: the value is checked to be a uuid
 * or "*" (organisation-scope.ts) before it is written into the statement.
 */
function setScope(org: string): string {
  if (org !== ALL_ORGANISATIONS && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(org)) {
    throw new Error("an organisation's scope is a uuid");
  }
  return `set local stepwise.organisation_id = '${org}'`;
}

/** postgres.js: drizzle sends statements through `unsafe` and transactions through `begin`. */
export function scopedPostgres(
  sql: postgres.Sql,
  outside: OutsideScope = NO_ORGANISATION,
  onStatement: OnStatement = () => {},
): postgres.Sql {
  /**
   * One statement in its organisation's scope, sent as one write: "begin; set local …" (one
   * simple-protocol message), the statement, and "commit" go out together on a reserved
   * connection and PostgreSQL answers them in order — one round trip instead of three, and one
   * socket write instead of three, on the path every collaboration commit and room join takes.
   * A failing statement aborts the transaction; its "commit" then answers ROLLBACK.
   */
  const pipelined = async <T>(org: string, statement: (c: postgres.Sql) => PromiseLike<unknown>): Promise<T> => {
    onStatement();
    const c = await sql.reserve();
    try {
      const begun = c.unsafe(`begin; ${setScope(org)}`).simple();
      const result = statement(c);
      const ended = c.unsafe("commit");
      const settled = await Promise.allSettled([begun, result, ended]);
      const failed = settled.find((x) => x.status === "rejected");
      if (failed) {
        // A failed statement ends its transaction ("commit" answers ROLLBACK); only a "commit"
        // that failed itself may leave one open, to be ended before the connection goes back.
        if (settled[2].status === "rejected") await c.unsafe("rollback").catch(() => {});
        throw failed.reason;
      }
      return (settled[1] as PromiseFulfilledResult<T>).value;
    } finally {
      c.release();
    }
  };
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === "unsafe") {
        return (query: string, params?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) => {
          const org = organisationScope(outside);
          const rows = () => pipelined(org, (tx) => tx.unsafe(query, params, options));
          const values = () => pipelined(org, (tx) => tx.unsafe(query, params, options).values());
          // Only what drizzle uses of a pending query: awaiting it, or `.values()`.
          return { then: (ok: (v: unknown) => unknown, fail: (e: unknown) => unknown) => rows().then(ok, fail), values };
        };
      }
      if (prop === "begin") {
        return (...args: unknown[]) => {
          const fn = args[args.length - 1] as (tx: postgres.TransactionSql) => unknown;
          const org = organisationScope(outside);
          const wrapped = async (tx: postgres.TransactionSql) => {
            await tx.unsafe(setScope(org));
            return fn(countingTransaction(tx, onStatement));
          };
          return args.length > 1 ? target.begin(args[0] as string, wrapped) : target.begin(wrapped);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** A postgres.js transaction whose statements (and its savepoints' statements) are counted. */
function countingTransaction<T extends postgres.TransactionSql>(tx: T, onStatement: OnStatement): T {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === "unsafe") {
        return (...args: Parameters<postgres.TransactionSql["unsafe"]>) => {
          onStatement();
          return target.unsafe(...args);
        };
      }
      if (prop === "savepoint") {
        return (...args: unknown[]) => {
          const fn = args[args.length - 1] as (sp: postgres.TransactionSql) => unknown;
          const counted = (sp: postgres.TransactionSql) => fn(countingTransaction(sp, onStatement));
          return args.length > 1 ? target.savepoint(args[0] as string, counted) : target.savepoint(counted);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

/**
 * PGlite: one user, a superuser, whom row-level security never applies to — so each statement and
 * transaction also enters the application's role (`SET LOCAL ROLE`, a role with the same grants as
 * on PostgreSQL: db/roles.ts), and the migrations, which run on the unwrapped client, stay the owner's.
 */
export const PGLITE_APP_ROLE = "stepwise_app";

export function scopedPglite(client: PGlite, outside: OutsideScope = NO_ORGANISATION, onStatement: OnStatement = () => {}): PGlite {
  const enter = async (tx: Transaction, org: string) => {
    await tx.exec(`set local role ${PGLITE_APP_ROLE}; ${setScope(org)}`);
  };
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "query") {
        return (query: string, params?: unknown[], options?: object) => {
          const org = organisationScope(outside);
          onStatement();
          return target.transaction(async (tx) => {
            await enter(tx, org);
            return tx.query(query, params, options);
          });
        };
      }
      if (prop === "transaction") {
        return <T>(fn: (tx: Transaction) => Promise<T>) => {
          const org = organisationScope(outside);
          return target.transaction(async (tx) => {
            await enter(tx, org);
            return fn(countingPgliteTransaction(tx, onStatement));
          });
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** A PGlite transaction whose statements are counted (drizzle sends each through `query`, savepoints too). */
function countingPgliteTransaction(tx: Transaction, onStatement: OnStatement): Transaction {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === "query") {
        return (...args: Parameters<Transaction["query"]>) => {
          onStatement();
          return target.query(...args);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}
