import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CaseFollowUp } from "@/lib/followup/get-case-follow-up";
import { cardClass, linkClass } from "@/app/_components/ui/classes";
import { AnswerForm } from "./answer-form";
import { ConfirmReadButton } from "./confirm-read-button";
import type { Fmt } from "./fmt";
import { SubscriptionPanel } from "./subscription-panel";

/**
 * Invitations to the coming meetings: each participant answers their own; the caseworker sees
 * everyone's answer (or that there is none yet), with the suggested time or the reason.
 */
export async function InvitationsSection({ data, fmt }: { data: CaseFollowUp; fmt: Fmt }) {
  const t = await getTranslations("followup.answers");
  const tRoles = await getTranslations("roles");
  // Today's meeting stays listed all day, with its answers; it can be answered until it ends.
  const upcoming = data.meetings.filter((m) => m.status !== "cancelled" && (m.upcoming || m.startsOn >= data.today));
  const answerOf = (meetingId: string, participantId: string) =>
    data.answers.find((a) => a.meetingId === meetingId && a.participantId === participantId) ?? null;
  const answerers = data.readers.filter((p) => p.role !== "caseworker");
  return (
    <section id="invitations" aria-labelledby="invitations-title" className={cardClass} data-testid="invitations-section">
      <h2 id="invitations-title" className="text-xl font-semibold text-slate-900">
        {t("title")}
      </h2>
      {upcoming.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("noUpcoming")}</p>
      ) : (
        <ul className="mt-3 space-y-4">
          {upcoming.map((m) => {
            const mine = answerOf(m.id, data.me.participantId);
            return (
              <li key={m.id} className="rounded-lg border border-slate-200 p-3" data-testid="invitation">
                <p className="font-semibold text-slate-900">{m.title}</p>
                <p className="text-sm text-slate-700">
                  {fmt.when(m.startsAt)}
                  {m.location ? ` · ${m.location}` : ""}
                </p>
                <p className="text-sm">
                  <a href={`/api/meetings/${m.id}/calendar.ics`} className={linkClass} data-testid="download-ics">
                    {t("addToCalendar")}
                  </a>
                </p>
                {data.may.seeEveryAnswer ? (
                  <table className="mt-2 w-full border-collapse text-left text-sm" data-testid="answers-table">
                    <caption className="sr-only">{t("answersCaption", { title: m.title })}</caption>
                    <thead>
                      <tr className="border-b border-slate-300">
                        <th scope="col" className="py-1 pr-3">
                          {t("who")}
                        </th>
                        <th scope="col" className="py-1 pr-3">
                          {t("answer")}
                        </th>
                        <th scope="col" className="py-1">
                          {t("when")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {answerers.map((p) => {
                        const a = answerOf(m.id, p.participantId);
                        return (
                          <tr
                            key={p.participantId}
                            className="border-b border-slate-100 align-top"
                            data-testid="answer-row"
                            data-answer={a?.answer ?? "none"}
                          >
                            <th scope="row" className="py-1 pr-3 font-normal">
                              {p.name} <span className="text-slate-700">({tRoles(p.role)})</span>
                            </th>
                            <td className="py-1 pr-3">
                              {a ? t(`options.${a.answer}`) : <span className="text-slate-700">{t("noAnswer")}</span>}
                              {a?.suggestion ? (
                                <span className="block text-slate-800">{t("suggested", { text: a.suggestion })}</span>
                              ) : null}
                              {a?.reason ? <span className="block text-slate-800">{t("because", { text: a.reason })}</span> : null}
                            </td>
                            <td className="py-1">{a ? fmt.when(a.answeredAt) : ""}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                ) : (
                  <>
                    {mine ? (
                      <p className="mt-1 text-slate-800" data-testid="my-answer" data-answer={mine.answer}>
                        {t("yourAnswer", { answer: t(`options.${mine.answer}`), when: fmt.when(mine.answeredAt) })}
                      </p>
                    ) : null}
                    {data.me.role === "observer" ? null : m.upcoming && data.case.state === "open" ? (
                      <AnswerForm
                        meetingId={m.id}
                        current={mine ? { answer: mine.answer, suggestion: mine.suggestion, reason: mine.reason } : null}
                      />
                    ) : (
                      <p className="mt-1 text-sm text-slate-700">{t("closed")}</p>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Who has confirmed reading the binding agreement, and when; one's own confirmation. */
export async function ReadSection({ data, fmt }: { data: CaseFollowUp; fmt: Fmt }) {
  const t = await getTranslations("followup.read");
  const tRoles = await getTranslations("roles");
  const binding = data.binding;
  if (!binding) return null;
  const mine = data.receipts.find((r) => r.participantId === data.me.participantId) ?? null;
  return (
    <section id="read" aria-labelledby="read-title" className={cardClass} data-testid="read-section">
      <h2 id="read-title" className="text-xl font-semibold text-slate-900">
        {t("title", { version: binding.version })}
      </h2>
      <p className="mt-1 text-slate-700">
        {t("intro")}{" "}
        <Link href={`/agreements/${binding.id}`} className={linkClass}>
          {t("readIt", { version: binding.version })}
        </Link>
      </p>
      {data.may.confirmRead ? (
        mine ? (
          <p className="mt-2 text-slate-900" data-testid="my-receipt">
            {mine.bySignature ? t("youSigned", { when: fmt.when(mine.readAt) }) : t("youConfirmed", { when: fmt.when(mine.readAt) })}
          </p>
        ) : (
          <ConfirmReadButton caseId={data.case.id} agreementId={binding.id} fingerprint={binding.fingerprint} version={binding.version} />
        )
      ) : null}
      {data.may.seeEveryAnswer ? (
        <ul className="mt-3 space-y-1" data-testid="receipts">
          {data.readers.map((p) => {
            const r = data.receipts.find((x) => x.participantId === p.participantId);
            return (
              <li key={p.participantId} className="flex flex-wrap gap-x-2" data-testid="receipt" data-read={r ? "yes" : "no"}>
                <span className="font-medium">{p.name}</span>
                <span className="text-slate-700">({tRoles(p.role)})</span>
                <span>
                  {r
                    ? r.bySignature
                      ? t("signedAt", { when: fmt.when(r.readAt) })
                      : t("readAt", { when: fmt.when(r.readAt) })
                    : t("notYet")}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

/** The next meeting as a file for one's calendar, and a personal subscription link. */
export async function CalendarSection({ data, fmt }: { data: CaseFollowUp; fmt: Fmt }) {
  const t = await getTranslations("followup.calendar");
  const s = data.subscription;
  return (
    <section id="calendar" aria-labelledby="calendar-title" className={cardClass} data-testid="calendar-section">
      <h2 id="calendar-title" className="text-xl font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-1 text-slate-700">{t("privacy")}</p>
      {data.nextMeeting ? (
        <p className="mt-2">
          <a href={`/api/meetings/${data.nextMeeting.id}/calendar.ics`} className={linkClass} data-testid="next-meeting-ics">
            {t("download", { when: fmt.when(data.nextMeeting.startsAt) })}
          </a>
        </p>
      ) : null}
      <SubscriptionPanel
        caseId={data.case.id}
        active={s.active}
        sinceText={s.createdAt ? fmt.when(s.createdAt) : null}
        lastUsedText={s.lastUsedAt ? fmt.when(s.lastUsedAt) : null}
      />
    </section>
  );
}
