import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PresentedSections } from "@/app/_components/agreement/frozen-agreement";
import { cardClass, linkClass } from "@/app/_components/ui/classes";
import { AnswerForm } from "@/app/cases/[id]/follow-up/answer-form";
import { ConfirmReadButton } from "@/app/cases/[id]/follow-up/confirm-read-button";
import type { MeetingContext } from "@/lib/access/actor";
import { isLocale } from "@/lib/i18n/locales";
import { getDoctorView } from "@/lib/meetings/get-doctor-view";
import { presentWorkCapacity } from "@/lib/meetings/present-work-capacity";

/**
 * The treating doctor's page in place of the live room (docs/permissions.md, "The treating
 * doctor"): the meeting's time and place, the agenda's items, the plan's part about work capacity
 * now and as agreed, and "I have read it". Rendered on the server from `getDoctorView`; the page
 * opens no socket, so nothing else of the meeting reaches the doctor's browser.
 */
export async function DoctorPage({ ctx }: { ctx: MeetingContext }) {
  const view = await getDoctorView(ctx);
  const t = await getTranslations("doctorView");
  const tRead = await getTranslations("followup.read");
  const format = await getFormatter();
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "da";
  const m = view.meeting;
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8" data-testid="doctor-view">
      <header>
        <p className="text-sm font-medium text-slate-700">{t("kicker")}</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{m.title}</h1>
        <p className="mt-2 text-slate-800">{t("intro")}</p>
      </header>

      <section aria-labelledby="doctor-meeting" className={cardClass} data-testid="doctor-meeting">
        <h2 id="doctor-meeting" className="text-xl font-semibold text-slate-900">
          {t("about", { employee: view.employeeName })}
        </h2>
        <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium text-slate-800">{t("when")}</dt>
          <dd>
            {format.dateTime(m.startsAt, { dateStyle: "full", timeStyle: "short" })} · {t("duration", { minutes: m.durationMinutes })}
          </dd>
          <dt className="font-medium text-slate-800">{t("where")}</dt>
          <dd>{m.location ?? t("notGiven")}</dd>
          {m.videoUrl ? (
            <>
              <dt className="font-medium text-slate-800">{t("video")}</dt>
              <dd>
                <a href={m.videoUrl} className={linkClass} rel="noreferrer">
                  {m.videoUrl}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
        {view.answer.open ? (
          <div className="mt-4" data-testid="doctor-answer">
            <AnswerForm meetingId={m.id} current={view.answer.current} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="doctor-agenda" className={cardClass} data-testid="doctor-agenda">
        <h2 id="doctor-agenda" className="text-xl font-semibold text-slate-900">
          {t("agenda")}
        </h2>
        {view.agenda.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("agendaEmpty")}</p>
        ) : (
          <ol className="mt-2 list-decimal space-y-1 pl-6">
            {view.agenda.map((a) => (
              <li key={a.id} data-testid="doctor-agenda-item">
                {a.title}
                {a.minutes !== null ? <span className="text-slate-700"> · {t("itemMinutes", { minutes: a.minutes })}</span> : null}
                {a.done ? <span className="text-slate-700"> · {t("itemDone")}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="doctor-binding" className={cardClass} data-testid="doctor-binding">
        {view.binding ? (
          <>
            <h2 id="doctor-binding" className="text-xl font-semibold text-slate-900">
              {t("bindingTitle", { version: view.binding.version })}
            </h2>
            <p className="mt-1 text-slate-700">
              {t("bindingIntro", { date: format.dateTime(view.binding.sealedAt, { dateStyle: "long" }) })}
            </p>
            <PresentedSections sections={presentWorkCapacity(view.binding.plan, locale)} idPrefix="doctor-binding-s" landmarks={false} />
            <div className="mt-6 border-t border-slate-200 pt-4" data-testid="doctor-read">
              {view.binding.readAt ? (
                <p className="text-slate-900" data-testid="my-receipt">
                  {tRead("youConfirmed", { when: format.dateTime(view.binding.readAt, { dateStyle: "long", timeStyle: "short" }) })}
                </p>
              ) : view.mayConfirm ? (
                <ConfirmReadButton
                  caseId={ctx.case.id}
                  agreementId={view.binding.agreementId}
                  fingerprint={view.binding.fingerprint}
                  version={view.binding.version}
                />
              ) : null}
            </div>
          </>
        ) : (
          <>
            <h2 id="doctor-binding" className="text-xl font-semibold text-slate-900">
              {t("agreedPlan")}
            </h2>
            <p className="mt-1 text-slate-700">{t("noBinding")}</p>
          </>
        )}
      </section>

      <section aria-labelledby="doctor-draft" className={cardClass} data-testid="doctor-draft">
        <h2 id="doctor-draft" className="text-xl font-semibold text-slate-900">
          {t("draftTitle")}
        </h2>
        <p className="mt-1 text-slate-700">{t("draftIntro")}</p>
        <PresentedSections sections={presentWorkCapacity(view.draft, locale)} idPrefix="doctor-draft-s" landmarks={false} />
      </section>
    </div>
  );
}
