import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { pageActors, pageCredentials, pageStaff } from "@/app/_server/page-access";
import { getCaseOverview, type CaseOverview } from "@/lib/cases/get-case-overview";
import { recordCaseOverviewShown } from "@/lib/cases/record-case-overview-shown";
import { isAppError } from "@/lib/errors";
import type { LinkState } from "@/lib/cases/link-state";
import { getCaseFollowUp } from "@/lib/followup/get-case-follow-up";
import { DueFromMeSection } from "@/app/_components/due-from-me-section";
import { StaffPage } from "@/app/_components/staff/staff-page";
import { FollowUpNav, FollowUpSections } from "./follow-up/follow-up-sections";
import { getFmt } from "./follow-up/fmt";
import { StandingSection } from "./follow-up/standing-section";
import { ParticipantCasePage, participantOnCase } from "./participant-case-page";
import { MeetingsSection } from "./meetings-section";
import { PeopleSection } from "./people-section";
import { DeadlinesSection } from "./deadlines-section";
import { getCaseDeadlines } from "@/lib/deadlines/get-case-deadlines";
import { serverNow } from "@/lib/time/server-clock";
import { CaseStateSection, type CaseStateView } from "./case-state-section";
import { dateInZone } from "@/lib/time/zoned";
import type { PersonView } from "./view-types";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> };

/** `?from=1&to=3`: compare two agreement versions (a plain GET form on the page). */
function compareOf(sp: { from?: string; to?: string }): { from: number; to: number } | null {
  const from = Number(sp.from);
  const to = Number(sp.to);
  return Number.isInteger(from) && Number.isInteger(to) ? { from, to } : null;
}

/** Someone else's case looks exactly like a case that does not exist. */
const load = cache(async (id: string): Promise<CaseOverview | null> => {
  try {
    return await getCaseOverview({ who: await pageActors(), caseId: id });
  } catch (e) {
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) return null;
    throw e;
  }
});

/** The tab and the screen reader's first words name whose case it is ("Kurt Hansen's return to work"). */
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getTranslations("staff.case");
  const staff = await pageStaff();
  const overview = staff ? await load((await params).id) : null;
  const employee = overview?.participants.find((p) => p.role === "employee")?.displayName;
  return {
    title: employee ? t("pageTitleNamed", { name: employee }) : t("pageTitle"),
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

/**
 * /cases/<id>: for the caseworker, their staff page (meetings, people by role with their link
 * state, invitations) and the case followed up over time; for the case's other participants
 * (signed in by their link), the same follow-up with what their role may see, and no staff
 * controls. Nobody signed in → the staff sign-in, which comes back here.
 */
export default async function CasePage({ params, searchParams }: Params) {
  const { id } = await params;
  const compare = compareOf(await searchParams);
  const staff = await pageStaff();
  const overview = staff ? await load(id) : null;
  if (!staff || !overview) {
    const token = (await pageCredentials()).participantSessionToken;
    const participant = token ? await participantOnCase(id) : null;
    if (participant === "signed_out") return <ParticipantCasePage.SignedOut />;
    if (participant) return <ParticipantCasePage me={participant} compare={compare} />;
    if (staff || token) notFound();
    redirect(`/signin?callbackUrl=${encodeURIComponent(`/cases/${id}`)}`);
  }
  // The case's data is shown now: one access-log row (not for a router prefetch, which shows nothing).
  if (!(await headers()).has("next-router-prefetch")) {
    await recordCaseOverviewShown({ overview, staffUserId: staff.userId, name: staff.name ?? staff.email ?? staff.userId });
  }
  const t = await getTranslations("staff.case");
  const tTrack = await getTranslations("staff.track");
  const tState = await getTranslations("staff.linkState");
  const tMail = await getTranslations("staff.mailState");
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
        return {
          kind: "used",
          text: tState("used", { count: link.count, first: when(link.firstAt), last: when(link.lastAt), until: date(link.expiresAt) }),
        };
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
      mailState: p.mail,
      mailText: p.mail ? tMail(p.mail) : null,
    };
  });
  const c = overview.case;
  const inviteMeeting = overview.invitationMeeting;
  const followUp = await getCaseFollowUp({
    me: { caseId: c.id, participantId: overview.me.participantId, role: overview.me.role, displayName: staff.name ?? staff.email ?? "" },
    compare,
  });
  const fmt = await getFmt();
  const deadlines = await getCaseDeadlines({ who: await pageActors(), caseId: c.id, now: serverNow() });
  const tCase = await getTranslations("staff.caseState");
  const tOutcome = await getTranslations("staff.outcome");
  // A `YYYY-MM-DD` day, shown in the reader's language (noon UTC: the same day in every zone we serve).
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "long" });
  const stateView: CaseStateView = {
    state: c.state,
    outcomeText: c.outcome ? tOutcome(c.outcome) : null,
    closedOnText: c.closedOn ? day(c.closedOn) : null,
    referenceText: c.reference,
    sickLeaveStartText: c.sickLeaveStart ? day(c.sickLeaveStart) : null,
    history: overview.history.map((h) => ({
      id: h.id,
      text:
        h.kind === "closed"
          ? tCase("historyClosed", {
              at: when(h.at),
              by: h.by ?? "–",
              outcome: h.outcome ? tOutcome(h.outcome) : "",
              date: h.closedOn ? day(h.closedOn) : "",
            })
          : h.kind === "reopened"
            ? tCase("historyReopened", { at: when(h.at), by: h.by ?? "–", reason: h.reason ?? "" })
            : tCase("historyHandedOver", { at: when(h.at), by: h.by ?? "–", to: h.to ?? "–" }),
    })),
  };

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
      <CaseStateSection caseId={c.id} view={stateView} canManage={overview.may.changeState} today={dateInZone(new Date())} />
      <FollowUpNav data={followUp} staff />
      <DueFromMeSection caseId={c.id} />
      <div className="mt-6">
        <StandingSection data={followUp} fmt={fmt} />
      </div>
      {/* Where the case stands and how it got here first; running it (meetings, people, links) after. */}
      <div className="mt-8 grid grid-cols-1 gap-8">
        <DeadlinesSection data={deadlines} fmt={fmt} />
        <FollowUpSections data={followUp} fmt={fmt} />
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
