import { findOrganisation } from "@/db/queries/organisations";
import { getDb } from "@/db/client";
import type { StaffActor } from "../access/actor";
import type { Locale } from "../i18n/locales";
import { mailText } from "../mail/mail-text";
import { queueMail } from "../mail/queue-mail";
import { addStaff, type AddedStaff } from "./add-staff";
import { staffAdminOrganisation } from "./staff-admin";

/**
 * An administrator invites a colleague: a staff account in the administrator's organisation, and
 * an e-mail (through the outbox, retried like every mail) telling them where to sign in. The mail
 * holds the sign-in page's address, not a sign-in link: they ask for their own link there, so
 * nothing in it opens an account to whoever reads the mailbox.
 */
export async function inviteStaff(input: { actor: StaffActor; raw: unknown; baseUrl: string; locale: Locale }): Promise<AddedStaff> {
  const organisationId = staffAdminOrganisation(input.actor);
  const added = await addStaff({ organisationId, raw: input.raw });
  const org = await findOrganisation(await getDb(), organisationId);
  const m = (k: string, vars: Record<string, string> = {}) => mailText(input.locale, `admin.mail.${k}`, vars);
  const organisation = org?.name ?? "";
  const signIn = `${input.baseUrl.replace(/\/$/, "")}/signin`;
  await queueMail({
    to: added.email,
    subject: m("subject", { organisation }),
    text: [m("greeting", { name: added.name }), "", m("body", { organisation }), "", signIn, "", m("how", { email: added.email })].join(
      "\n",
    ),
  });
  return added;
}
