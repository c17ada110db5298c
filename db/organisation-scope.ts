import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Which organisation's rows the statements of the current async context may see: the value of
 * `stepwise.organisation_id` that db/client.ts sets for every statement it sends (row-level
 * security, migration 0012; docs/decisions.md "Organisations and row-level security").
 *
 * `withOrganisation(id, fn)`: everything `fn` does (and what it awaits) sees that organisation's
 * case data only. Outside any scope the statements run as ALL_ORGANISATIONS, the transitional
 * default (start-up, the job runner, pages not yet scoped); docs/decisions.md lists what still does.
 */
export const ALL_ORGANISATIONS = "*";

type Scope = { organisationId: string };

// One store per process: Next's server bundle and the tsx-loaded server are separate module
// graphs (as db/client.ts's handle).
const store = ((globalThis as { __stepwiseOrgScope?: AsyncLocalStorage<Scope> }).__stepwiseOrgScope ??= new AsyncLocalStorage<Scope>());

export function withOrganisation<T>(organisationId: string, fn: () => Promise<T>): Promise<T> {
  if (!organisationId || organisationId === ALL_ORGANISATIONS) throw new Error("withOrganisation needs an organisation's id");
  return store.run({ organisationId }, fn);
}

/** Work that spans organisations on purpose (an operator's command, a job over every organisation). */
export function withAllOrganisations<T>(fn: () => Promise<T>): Promise<T> {
  return store.run({ organisationId: ALL_ORGANISATIONS }, fn);
}

/** What `stepwise.organisation_id` is set to for a statement sent now. */
export function organisationScope(): string {
  return store.getStore()?.organisationId ?? ALL_ORGANISATIONS;
}
