import { getTranslations } from "next-intl/server";
import type { CaseFollowUp } from "@/lib/followup/get-case-follow-up";
import { MixerHistorySection, TimelineSection } from "./history-sections";
import { CalendarSection, InvitationsSection, ReadSection } from "./people-sections";
import { ProgressSection } from "./progress-section";
import { ActionsSection } from "./standing-section";
import type { Fmt } from "./fmt";

/**
 * The case followed up over time, below "where things stand": for the employee and the manager
 * recording progress comes first (it is what they come to do); for the others the actions.
 */
export async function FollowUpSections({ data, fmt }: { data: CaseFollowUp; fmt: Fmt }) {
  const progressFirst = data.may.recordProgress;
  return (
    <div className="grid grid-cols-1 gap-8">
      {progressFirst ? <ProgressSection data={data} fmt={fmt} /> : null}
      <ActionsSection data={data} fmt={fmt} />
      {progressFirst ? null : <ProgressSection data={data} fmt={fmt} />}
      <InvitationsSection data={data} fmt={fmt} />
      <ReadSection data={data} fmt={fmt} />
      <TimelineSection data={data} fmt={fmt} />
      <MixerHistorySection data={data} />
      <CalendarSection data={data} fmt={fmt} />
    </div>
  );
}

/** "On this page": the sections as links, so a long page is quick to move around, by keyboard too. */
export async function FollowUpNav({ data, staff }: { data: CaseFollowUp; staff: boolean }) {
  const t = await getTranslations("followup.nav");
  const ids = [
    "standing",
    ...(data.may.recordProgress ? ["progress", "actions"] : ["actions", "progress"]),
    "invitations",
    ...(data.binding ? ["read"] : []),
    "timeline",
    "mixer",
    "calendar",
    ...(staff ? ["meetings-title", "people-title"] : []),
  ];
  return (
    <nav aria-label={t("label")} className="mt-4">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {ids.map((id) => (
          <li key={id}>
            <a href={`#${id}`} className="text-blue-800 underline-offset-2 hover:underline">
              {t(id.replace("-title", ""))}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
