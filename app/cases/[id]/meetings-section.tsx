import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { OverviewMeeting } from "@/lib/cases/get-case-overview";
import { cardClass, linkClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { dateInZone, timeInZone } from "@/lib/time/zoned";
import { ScheduleMeetingForm } from "./schedule-meeting-form";
import { MeetingChangeForms } from "./meeting-change-forms";

/** The case's meetings, each with the way into its room, and the form to schedule the next one. */
export async function MeetingsSection({
  caseId,
  meetings,
  canSchedule,
}: {
  caseId: string;
  meetings: OverviewMeeting[];
  canSchedule: boolean;
}) {
  const t = await getTranslations("staff.meetings");
  const format = await getFormatter();
  return (
    <section aria-labelledby="meetings-title" className={cardClass} data-testid="meetings-section">
      <h2 id="meetings-title" className="text-xl font-semibold text-slate-900">
        {t("title")}
      </h2>
      {meetings.length === 0 ? (
        <p className="mt-2 text-slate-700" data-testid="no-meetings">
          {t("empty")}
        </p>
      ) : (
        <ul className="mt-4 space-y-3">
          {meetings.map((m) => (
            <li
              key={m.id}
              className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 p-3"
              data-testid="meeting"
            >
              <div>
                <p className="font-semibold text-slate-900">
                  {m.title}
                  {m.status === "cancelled" || m.status === "completed" ? (
                    <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-sm font-medium text-slate-800" data-testid="meeting-status">
                      {t(m.status === "cancelled" ? "statusCancelled" : "statusCompleted")}
                    </span>
                  ) : null}
                </p>
                <p className="text-sm text-slate-700">
                  {format.dateTime(m.startsAt, { dateStyle: "full", timeStyle: "short" })} · {t("minutes", { minutes: m.durationMinutes })}
                </p>
                {m.location ? <p className="text-sm text-slate-700">{t("where", { place: m.location })}</p> : null}
                {m.videoUrl ? (
                  <p className="text-sm text-slate-700">
                    {t("video")}{" "}
                    <a href={m.videoUrl} className={linkClass} target="_blank" rel="noopener noreferrer">
                      {m.videoUrl}
                    </a>
                  </p>
                ) : null}
              </div>
              {m.status === "cancelled" ? null : (
                <Link href={`/meetings/${m.id}`} className={primaryButtonClass} data-testid="open-room">
                  {t("openRoom")}
                </Link>
              )}
              {canSchedule && (m.status === "planned" || m.status === "in_progress") ? (
                <MeetingChangeForms
                  caseId={caseId}
                  meeting={{
                    id: m.id,
                    date: dateInZone(m.startsAt),
                    time: timeInZone(m.startsAt),
                    durationMinutes: m.durationMinutes,
                    location: m.location,
                    videoUrl: m.videoUrl,
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canSchedule ? (
        <div className="mt-6 border-t border-slate-200 pt-4">
          <ScheduleMeetingForm caseId={caseId} startOpen={meetings.length === 0} />
        </div>
      ) : null}
    </section>
  );
}
