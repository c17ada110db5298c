import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Which organisation's rows the statements of the current async context may see: the value of
 * `stepwise.organisation_id` that db/scoped-clients.ts sets for every statement it sends
 * (row-level security, migration 0014; docs/decisions.md "Organisations and row-level security").
 *
 * `withOrganisation(id, fn)`: everything `fn` does (and what it awaits) sees that organisation's
 * case data only. `withAllOrganisations(fn)`: work that spans organisations on purpose, each use
 * saying why (start-up, an operator's command, the demo seed, a job over every organisation).
 * Outside both, a statement runs as NO_ORGANISATION and sees no case data at all (default deny):
 * an edge that forgot to enter its organisation finds nothing rather than everything.
 */
export const ALL_ORGANISATIONS = "*";
/** A uuid no organisation has (ids are random): the policies match no row for it. */
export const NO_ORGANISATION = "00000000-0000-0000-0000-000000000000";

type Scope = { organisationId: string };

// One store per process: Next's server bundle and the tsx-loaded server are separate module
// graphs (as db/client.ts's handle).
const store = ((globalThis as { __stepwiseOrgScope?: AsyncLocalStorage<Scope> }).__stepwiseOrgScope ??= new AsyncLocalStorage<Scope>());

export function withOrganisation<T>(organisationId: string, fn: () => Promise<T>): Promise<T> {
  if (!organisationId || organisationId === ALL_ORGANISATIONS || organisationId === NO_ORGANISATION) {
    throw new Error("withOrganisation needs an organisation's id");
  }
  return store.run({ organisationId }, fn);
}

/** Work that spans organisations on purpose (an operator's command, a job over every organisation): say why where you call it. */
export function withAllOrganisations<T>(fn: () => Promise<T>): Promise<T> {
  return store.run({ organisationId: ALL_ORGANISATIONS }, fn);
}

/** What `stepwise.organisation_id` is set to for a statement sent now; `outside`: when no scope was entered. */
export function organisationScope(outside: string = NO_ORGANISATION): string {
  return store.getStore()?.organisationId ?? outside;
}
