import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";
import { MeetingRoom } from "@/app/_components/room/meeting-room";
import { SignOutButton } from "@/app/_components/privacy/sign-out-button";
import type { RoomProps } from "@/app/_components/room/room-types";
import { recordMeetingRoomShown } from "@/lib/audit/record-meeting-room-shown";
import { listMeetingParticipants } from "@/lib/meetings/list-meeting-participants";
import { loadMeetingViewer as load } from "@/app/meetings/[id]/load-meeting-viewer";
import { can } from "@/lib/permissions";
import { organisationOfCase } from "@/lib/organisations/organisation-of-case";
import { ownCatalogueOf } from "@/lib/organisations/own-catalogue-of";
import { pageActors } from "@/app/_server/page-access";
import { listDueForViewer } from "@/lib/followup/list-due-for-viewer";
import { roomClosedReason } from "@/lib/collab/room-closed";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations("room");
  const loaded = await load(id);
  return {
    title: loaded.ok ? loaded.ctx.meeting.title : t("pageTitle"),
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const loaded = await load(id);
  if (!loaded.ok && loaded.reason === "not_found") notFound();
  if (!loaded.ok) return <SignedOut />;

  const { ctx } = loaded;
  const format = await getFormatter();
  const participants = await listMeetingParticipants(ctx);
  // The case's data is shown now: one access-log row (not for a router prefetch, which shows nothing).
  if (!(await headers()).has("next-router-prefetch")) await recordMeetingRoomShown(ctx);
  const me = participants.find((p) => p.id === ctx.me.participantId) ?? {
    id: ctx.me.participantId,
    role: ctx.me.role,
    displayName: ctx.me.displayName,
    colorIndex: ctx.me.colorIndex,
  };
  const organisation = await organisationOfCase(ctx.case.id);
  const closedReason = roomClosedReason({ caseState: ctx.case.state, meetingStatus: ctx.meeting.status });
  const props: RoomProps = {
    meeting: {
      id: ctx.meeting.id,
      title: ctx.meeting.title,
      startsAtIso: ctx.meeting.startsAt.toISOString(),
      startsAtText: format.dateTime(ctx.meeting.startsAt, { dateStyle: "full", timeStyle: "short" }),
      durationMinutes: ctx.meeting.durationMinutes,
      location: ctx.meeting.location,
      videoUrl: ctx.meeting.videoUrl,
      completed: closedReason !== null,
      closedReason,
    },
    employeeName: ctx.case.employeeName,
    employer: ctx.case.employer,
    track: ctx.case.track,
    country: organisation.country,
    ownCatalogue: await ownCatalogueOf(organisation.id),
    me: { ...me, canEdit: can(ctx.me.role, "write", "meeting_doc") },
    participants,
    // Staff (signed in as staff, not by a join link) get their way back to the case page.
    caseHref: ctx.me.actor.kind === "participant" ? null : `/cases/${ctx.case.id}`,
    progressHref: (await listDueForViewer({ who: await pageActors(), caseId: ctx.case.id }))?.some((c) =>
      c.items.some((i) => i.kind === "progress"),
    )
      ? `/cases/${ctx.case.id}#progress`
      : null,
  };
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="outline-none">
        <MeetingRoom {...props} />
        <SignOutButton />
      </main>
    </>
  );
}

/** No (or an expired) session: calm words and the one thing to do. */
async function SignedOut() {
  const t = await getTranslations("room.signedOut");
  const tj = await getTranslations("meeting.joinHelp");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-2xl px-4 py-12" data-testid="room-signed-out">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-4 text-lg text-slate-700">{t("body")}</p>
        <p className="mt-4 text-slate-700" data-testid="room-signed-out-qr">
          {tj("fromScreen")}
        </p>
        <p className="mt-4 text-slate-700">{t("help")}</p>
      </main>
    </>
  );
}
