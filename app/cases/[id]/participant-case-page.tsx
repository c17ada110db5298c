import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";
import { SignOutButton } from "@/app/_components/privacy/sign-out-button";
import { getCaseFollowUp } from "@/lib/followup/get-case-follow-up";
import { recordCasePageShown } from "@/lib/followup/record-case-page-shown";
import { pageActors } from "@/app/_server/page-access";
import type { Me } from "@/lib/access/actor";
import { resolveAccess } from "@/lib/access/resolve-access";
import { DueFromMeSection } from "@/app/_components/due-from-me-section";
import { FollowUpNav, FollowUpSections } from "./follow-up/follow-up-sections";
import { getFmt } from "./follow-up/fmt";
import { StandingSection } from "./follow-up/standing-section";
import { alertClass } from "@/app/_components/ui/classes";

/**
 * The participant behind this page's session cookie (asked only when there is one), if they are
 * on this case: "signed_out" when the session has expired or was ended (they need their personal
 * link again), null when it is another case's (which looks like no case at all).
 */
export async function participantOnCase(caseId: string): Promise<Me | "signed_out" | null> {
  const { participant } = await pageActors();
  if (!participant) return "signed_out";
  if (participant.caseId !== caseId) return null;
  return (await resolveAccess({ participant, staff: null }, "own-case")).me;
}

/**
 * /cases/<id> for a participant who joined by link (employee, manager, union representative,
 * observer): where things stand, their own part (recording progress, answering invitations,
 * confirming they have read the agreement, their calendar), and how the case got here — no staff
 * controls, no other people's invitation links.
 */
export async function ParticipantCasePage({ me, compare }: { me: Me; compare: { from: number; to: number } | null }) {
  const t = await getTranslations("followup.page");
  const tRoles = await getTranslations("roles");
  const data = await getCaseFollowUp({ me, compare });
  // The case's data is shown now: one access-log row (not for a router prefetch, which shows nothing).
  if (!(await headers()).has("next-router-prefetch")) await recordCasePageShown(me);
  const fmt = await getFmt();
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 pt-6 pb-16 outline-none" data-testid="participant-case-page">
        <p className="text-sm font-medium text-slate-700">{t("kicker", { name: me.displayName, role: tRoles(me.role) })}</p>
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl" data-testid="case-title">
          {t("title", { name: data.case.employeeName })}
        </h1>
        {data.case.employer ? <p className="mt-1 text-slate-700">{data.case.employer}</p> : null}
        {data.case.state === "closed" ? (
          <p className={`mt-3 ${alertClass}`} data-testid="case-closed-notice">
            {t("caseClosed")}
          </p>
        ) : null}
        <FollowUpNav data={data} staff={false} />
        <DueFromMeSection caseId={data.case.id} />
        <div className="mt-6 grid grid-cols-1 gap-8">
          <StandingSection data={data} fmt={fmt} />
          <FollowUpSections data={data} fmt={fmt} />
        </div>
        <SignOutButton />
      </main>
    </>
  );
}

/** The session has ended: calm words and the one thing to do. */
ParticipantCasePage.SignedOut = async function SignedOut() {
  const t = await getTranslations("room.signedOut");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-2xl px-4 py-12" data-testid="case-signed-out">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-4 text-lg text-slate-700">{t("body")}</p>
        <p className="mt-4 text-slate-700">{t("help")}</p>
      </main>
    </>
  );
};
