import { env, publicUrl } from "../env";

/**
 * The organisation that holds the meetings and issues the documents (`ORGANISATION_NAME`, e.g.
 * "Jobcenter Aarhus"), else the host name of this server's public address — the operator, never an
 * invented "Jobcenter": a name the operator did not set would be a false statement on a binding
 * document. Invitations name it instead of anything about the case (a mailbox, a lock screen or a
 * forwarded e-mail must not tell anyone whose case it is). Organisations are not stored yet; this
 * is the one place that changes when they are.
 */
export function organisationName(): string {
  return env().ORGANISATION_NAME ?? new URL(publicUrl()).host;
}
