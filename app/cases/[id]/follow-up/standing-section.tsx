import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CaseFollowUp } from "@/lib/followup/get-case-follow-up";
import { cardClass, linkClass } from "@/app/_components/ui/classes";
import type { Fmt } from "./fmt";

/**
 * "Where does the person stand?" in one card, first on the page: the step on the staircase and
 * since when (which agreement set it), the binding agreement, the goal, and the next meeting.
 */
export async function StandingSection({ data, fmt }: { data: CaseFollowUp; fmt: Fmt }) {
  const t = await getTranslations("followup.standing");
  const tStairs = await getTranslations("staircase");
  const { step, binding, nextMeeting } = data;
  const track = step.track === "unemployed" ? "unemployed" : "employed";
  return (
    <section id="standing" aria-labelledby="standing-title" className={cardClass} data-testid="standing-section">
      <h2 id="standing-title" className="text-xl font-semibold text-slate-900">
        {t("title")}
      </h2>
      <dl className="mt-3 grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div className="rounded-lg border border-slate-200 p-3" data-testid="current-step">
          <dt className="text-sm font-medium text-slate-700">{t("step")}</dt>
          <dd className="mt-1">
            {step.step === null ? (
              <span className="text-slate-800">{binding ? t("stepNone") : t("noAgreement")}</span>
            ) : (
              <>
                <span className="text-2xl font-semibold text-slate-900" data-testid="current-step-number">
                  {t("stepN", { step: step.step })}
                </span>
                <span className="block text-slate-800">{tStairs(`${track}.${step.step}`)}</span>
                {step.since ? (
                  <span className="mt-1 block text-sm text-slate-700" data-testid="step-since">
                    {step.previous !== null
                      ? t("stepChanged", { previous: step.previous, version: step.since.version, date: fmt.when(step.since.sealedAt) })
                      : t("stepSince", { version: step.since.version, date: fmt.when(step.since.sealedAt) })}
                  </span>
                ) : null}
              </>
            )}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 p-3" data-testid="binding-agreement">
          <dt className="text-sm font-medium text-slate-700">{t("binding")}</dt>
          <dd className="mt-1 text-slate-900">
            {binding ? (
              <>
                <Link href={`/agreements/${binding.id}`} className={linkClass} data-testid="binding-link">
                  {t("bindingVersion", { version: binding.version })}
                </Link>
                <span className="block text-sm text-slate-700">{t("sealedOn", { date: fmt.when(binding.sealedAt!) })}</span>
                {binding.goal.trim() ? <span className="mt-1 block">{t("goal", { goal: binding.goal.trim() })}</span> : null}
                {binding.goalTargetDate ? (
                  <span className="block text-sm text-slate-700">{t("goalBy", { date: fmt.day(binding.goalTargetDate) })}</span>
                ) : null}
              </>
            ) : (
              t("noAgreement")
            )}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 p-3 sm:col-span-2" data-testid="next-meeting">
          <dt className="text-sm font-medium text-slate-700">{t("nextMeeting")}</dt>
          <dd className="mt-1 text-slate-900">
            {nextMeeting ? (
              <div className="flex flex-wrap items-center justify-between gap-3">
                <div>
                  <span className="block font-semibold">{fmt.when(nextMeeting.startsAt)}</span>
                  {nextMeeting.location ? <span className="block text-slate-800">{nextMeeting.location}</span> : null}
                  {nextMeeting.videoUrl ? <span className="block text-slate-800">{t("video")}</span> : null}
                </div>
                <Link href={`/meetings/${nextMeeting.id}`} className={linkClass} data-testid="next-meeting-room">
                  {t("openRoom")}
                </Link>
              </div>
            ) : (
              t("noNextMeeting")
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** The binding agreement's actions: overdue first, then upcoming; done ones folded away. */
export async function ActionsSection({ data, fmt }: { data: CaseFollowUp; fmt: Fmt }) {
  const t = await getTranslations("followup.actions");
  const tRoles = await getTranslations("roles");
  const tStatus = await getTranslations("room.actions.statuses");
  const open = data.actions.filter((a) => a.status !== "done");
  const overdue = open.filter((a) => a.overdue);
  const upcoming = open.filter((a) => !a.overdue).sort((a, b) => (a.due ?? "9999").localeCompare(b.due ?? "9999"));
  const done = data.actions.filter((a) => a.status === "done");
  const item = (a: CaseFollowUp["actions"][number]) => (
    <li
      key={a.id}
      className={`rounded-lg border p-3 ${a.overdue ? "border-amber-600 bg-amber-50" : "border-slate-200"}`}
      data-testid="followup-action"
      data-overdue={a.overdue || undefined}
    >
      <p className="font-medium text-slate-900">{a.text || "…"}</p>
      <p className="text-sm text-slate-700">
        {a.owner ? t("owner", { name: a.owner.name, role: tRoles(a.owner.role) }) : t("noOwner")}
        {" · "}
        {a.due ? (a.overdue ? t("overdueSince", { date: fmt.day(a.due) }) : t("dueBy", { date: fmt.day(a.due) })) : t("noDue")}
        {" · "}
        {tStatus.has(a.status) ? tStatus(a.status) : a.status}
        {a.mine ? (
          <span className="ml-2 rounded-full bg-blue-100 px-2 py-0.5 text-xs font-semibold text-blue-900">{t("yours")}</span>
        ) : null}
      </p>
    </li>
  );
  return (
    <section id="actions" aria-labelledby="followup-actions-title" className={cardClass} data-testid="followup-actions">
      <h2 id="followup-actions-title" className="text-xl font-semibold text-slate-900">
        {t("title")}
      </h2>
      {!data.binding ? (
        <p className="mt-2 text-slate-700">{t("noAgreement")}</p>
      ) : data.actions.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("none")}</p>
      ) : (
        <div className="mt-3 space-y-4">
          {overdue.length > 0 ? (
            <div>
              <h3 className="font-semibold text-amber-950">{t("overdue", { count: overdue.length })}</h3>
              <ul className="mt-2 space-y-2">{overdue.map(item)}</ul>
            </div>
          ) : null}
          <div>
            <h3 className="font-semibold text-slate-900">{t("upcoming", { count: upcoming.length })}</h3>
            {upcoming.length > 0 ? (
              <ul className="mt-2 space-y-2">{upcoming.map(item)}</ul>
            ) : (
              <p className="text-slate-700">{t("noneUpcoming")}</p>
            )}
          </div>
          {done.length > 0 ? (
            <details>
              <summary className="cursor-pointer font-semibold text-slate-900">{t("done", { count: done.length })}</summary>
              <ul className="mt-2 space-y-2">{done.map(item)}</ul>
            </details>
          ) : null}
        </div>
      )}
    </section>
  );
}
