import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";
import { PresentView } from "@/app/_components/meeting/present-view";
import { JoinHelp } from "@/app/_components/meeting/join-help";
import { recordMeetingRoomShown } from "@/lib/audit/record-meeting-room-shown";
import { listMeetingParticipants } from "@/lib/meetings/list-meeting-participants";
import { meetingRoomQr } from "@/lib/invites/meeting-room-qr";
import { loadMeetingViewer as load } from "@/app/meetings/[id]/load-meeting-viewer";
import { can } from "@/lib/permissions";
import { roomClosedReason } from "@/lib/collab/room-closed";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations("meeting.present");
  const loaded = await load(id);
  return {
    title: loaded.ok ? t("pageTitle", { title: loaded.ctx.meeting.title }) : t("pageTitleFallback"),
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

/**
 * The shared screen (`/meetings/<id>/present`): large type, high contrast, following the meeting's
 * step and item, its clock, whose turn it is, the plan as it grows and who is present, with a QR
 * code that opens the meeting on a phone. Any participant of the meeting may open it. It renders
 * only the shared meeting document: nothing of the private preparation is imported, fetched or
 * connected here, whoever opens it.
 */
export default async function PresentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const loaded = await load(id);
  if (!loaded.ok && loaded.reason === "not_found") notFound();
  if (!loaded.ok) {
    return (
      <>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-2xl px-4 py-12" data-testid="present-signed-out">
          <JoinHelp />
        </main>
      </>
    );
  }
  const { ctx } = loaded;
  // The shared screen is the shared document: not for the treating doctor (docs/permissions.md).
  if (!can(ctx.me.role, "read", "meeting_doc")) notFound();
  const participants = await listMeetingParticipants(ctx);
  if (!(await headers()).has("next-router-prefetch")) await recordMeetingRoomShown(ctx);
  const me = participants.find((p) => p.id === ctx.me.participantId) ?? {
    id: ctx.me.participantId,
    role: ctx.me.role,
    displayName: ctx.me.displayName,
    colorIndex: ctx.me.colorIndex,
  };
  const qr = await meetingRoomQr(ctx.meeting.id);
  // On a large screen the wall is exactly one screen high: header, then the view filling the rest.
  return (
    <div className="lg:flex lg:h-dvh lg:flex-col">
      <SiteHeader wall />
      <main id="main" tabIndex={-1} className="outline-none lg:min-h-0 lg:flex-1" data-present-view>
        <PresentView
          meeting={{
            id: ctx.meeting.id,
            title: ctx.meeting.title,
            // Read-only for good: completed, cancelled, or its case closed (lib/collab/room-closed.ts).
            completed: roomClosedReason({ caseState: ctx.case.state, meetingStatus: ctx.meeting.status }) !== null,
            startsAtIso: ctx.meeting.startsAt.toISOString(),
          }}
          employeeName={ctx.case.employeeName}
          me={{ ...me, canEdit: can(ctx.me.role, "write", "meeting_doc") }}
          participants={participants}
          qr={qr}
        />
      </main>
    </div>
  );
}
