import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getClosingCheck } from "@/lib/meetings/get-closing-check";
import type { MeetingContext } from "@/lib/access/actor";

/**
 * On the agreement page, above "prepare": the guide closes a meeting by making sure everyone
 * agrees and the next meeting is set, and THEN the agreement is written. This says whether the
 * room's closing check is done, and if not, what is missing, with the way back to it. It does not
 * block preparing (a chair may have good reason), it makes the order plain.
 */
export async function ClosingNotice({ ctx }: { ctx: MeetingContext }) {
  const t = await getTranslations("meeting.agreementCheck");
  const tc = await getTranslations("meeting.consent");
  const { check, confirmed } = await getClosingCheck(ctx);
  if (confirmed) {
    return (
      <p className="rounded-xl border-2 border-green-800 bg-green-50 p-4 font-medium text-green-950" data-testid="agreement-closing-done">
        <span aria-hidden="true">✓ </span>
        {t("done")}
      </p>
    );
  }
  // A sub-goal or an action by its text; a part of the whole plan by its name ("The step"); an
  // item of NAV's follow-up plan by both ("Work task: Till and customer service").
  const itemName = (item: (typeof check.reservations)[number]["item"]) =>
    item.kind === "action" || item.kind === "subGoal"
      ? item.text.trim() || t("untitled")
      : item.title !== undefined
        ? `${tc(`kind.${item.kind}`)}: ${item.title || t("untitled")}`
        : tc(`kind.${item.kind}`);
  const reservations = [...new Set(check.reservations.map((r) => itemName(r.item)))];
  return (
    <div className="rounded-xl border-2 border-amber-700 bg-amber-50 p-4 text-amber-950" data-testid="agreement-closing-open">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <ul className="mt-2 ml-5 list-disc space-y-1">
        {check.items.length === 0 ? <li>{t("noItems")}</li> : null}
        {check.missing.length > 0 ? <li>{t("missing", { count: new Set(check.missing.map((m) => m.participantId)).size })}</li> : null}
        {reservations.length > 0 ? <li>{t("reservations", { items: reservations.join("; ") })}</li> : null}
        {!check.nextMeetingSet ? <li>{t("nextMeeting")}</li> : null}
        {check.items.length > 0 && check.missing.length === 0 && reservations.length === 0 && check.nextMeetingSet ? (
          <li>{t("notConfirmed")}</li>
        ) : null}
      </ul>
      <Link
        href={`/meetings/${ctx.meeting.id}#meeting`}
        className="mt-3 inline-block font-medium text-blue-900 underline underline-offset-2"
        data-testid="agreement-closing-back"
      >
        {t("back")}
      </Link>
    </div>
  );
}
