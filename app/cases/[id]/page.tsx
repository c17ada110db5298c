import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/app/_server/auth";
import { getCaseOverview, type CaseOverview } from "@/lib/cases/get-case-overview";
import { recordCaseOverviewShown } from "@/lib/cases/record-case-overview-shown";
import { isAppError } from "@/lib/errors";
import type { LinkState } from "@/lib/invites/link-state";
import { StaffPage } from "../_components/staff-page";
import { MeetingsSection } from "./meetings-section";
import { PeopleSection } from "./people-section";
import type { PersonView } from "./view-types";

type Params = { params: Promise<{ id: string }> };

/** Someone else's case looks exactly like a case that does not exist. */
const load = cache(async (id: string, staffUserId: string): Promise<CaseOverview | null> => {
  try {
    return await getCaseOverview({ staffUserId, caseId: id });
  } catch (e) {
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) return null;
    throw e;
  }
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.case");
  return { title: t("pageTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** /cases/<id> for the caseworker: meetings, people by role with their link state, invitations. */
export default async function CasePage({ params }: Params) {
  const { id } = await params;
  const staff = await requireStaffPage(`/cases/${id}`);
  const overview = await load(id, staff.userId);
  if (!overview) notFound();
  // The case's data is shown now: one access-log row (not for a router prefetch, which shows nothing).
  if (!(await headers()).has("next-router-prefetch")) {
    await recordCaseOverviewShown({ overview, staffUserId: staff.userId, name: staff.name ?? staff.email ?? staff.userId });
  }
  const t = await getTranslations("staff.case");
  const tTrack = await getTranslations("staff.track");
  const tState = await getTranslations("staff.linkState");
  const tRoles = await getTranslations("roles");
  const format = await getFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  function stateOf(link: LinkState, hasStaffAccount: boolean): { kind: string; text: string } {
    switch (link.kind) {
      case "none":
        return hasStaffAccount ? { kind: "staff", text: tState("staff") } : { kind: "none", text: tState("none") };
      case "unused":
        return { kind: "unused", text: tState("unused", { until: date(link.expiresAt) }) };
      case "used":
        return { kind: "used", text: tState("used", { count: link.count, first: when(link.firstAt), last: when(link.lastAt), until: date(link.expiresAt) }) };
      case "expired":
        return { kind: "expired", text: tState("expired", { at: date(link.at) }) };
      case "revoked":
        return { kind: "revoked", text: tState("revoked", { at: when(link.at) }) };
    }
  }

  const people: PersonView[] = overview.participants.map((p) => {
    const s = stateOf(p.link, p.hasStaffAccount);
    return {
      id: p.id,
      role: p.role,
      roleLabel: tRoles(p.role),
      displayName: p.displayName,
      email: p.email,
      isMe: p.isMe,
      stateKind: s.kind,
      stateText: s.text,
    };
  });
  const c = overview.case;
  const inviteMeeting = overview.invitationMeeting;

  return (
    <StaffPage staff={staff} testId="case-page">
      <p className="text-sm font-medium text-slate-600">{t("kicker")}</p>
      <h1 className="text-3xl font-semibold text-slate-900" data-testid="case-title">
        {c.employeeName}
      </h1>
      <p className="mt-1 text-slate-700">
        {tTrack(c.track)}
        {c.employer ? ` · ${c.employer}` : ""}
      </p>
      <div className="mt-8 grid gap-8">
        <MeetingsSection caseId={c.id} meetings={overview.meetings} canSchedule={overview.may.manageMeetings} />
        <PeopleSection
          caseId={c.id}
          people={people}
          canManage={overview.may.manageInvitations}
          canRemove={overview.may.manageCase}
          inviteMeeting={inviteMeeting ? { title: inviteMeeting.title, when: when(inviteMeeting.startsAt) } : null}
        />
      </div>
    </StaffPage>
  );
}
