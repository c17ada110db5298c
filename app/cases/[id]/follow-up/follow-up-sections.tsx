import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
import type { CaseFollowUp } from "@/lib/followup/get-case-follow-up";
import { AgreedSection } from "./agreed-section";
import { MixerHistorySection, TimelineSection } from "./history-sections";
import { CalendarSection, InvitationsSection, ReadSection } from "./people-sections";
import { ProgressSection } from "./progress-section";
import { ActionsSection } from "./standing-section";
import type { Fmt } from "./fmt";

/**
 * The order of the case followed up over time, below "where things stand". It answers, in this
 * order, what someone picking the case up asks: what was agreed last time, what is due, how it is
 * going, how the case got here (timeline, mixer desk), then who is coming and who has read the
 * agreement. For the employee and the manager recording progress comes first (it is what they
 * come to do).
 */
export function sectionOrder(data: Pick<CaseFollowUp, "may" | "binding">): string[] {
  return [
    ...(data.may.recordProgress ? ["progress"] : []),
    ...(data.binding ? ["agreed"] : []),
    "actions",
    ...(data.may.recordProgress ? [] : ["progress"]),
    "timeline",
    "mixer",
    "invitations",
    ...(data.binding ? ["read"] : []),
    "calendar",
  ];
}

export async function FollowUpSections({ data, fmt }: { data: CaseFollowUp; fmt: Fmt }) {
  const sections: Record<string, React.ReactNode> = {
    progress: <ProgressSection data={data} fmt={fmt} />,
    agreed: <AgreedSection data={data} fmt={fmt} />,
    actions: <ActionsSection data={data} fmt={fmt} />,
    timeline: <TimelineSection data={data} fmt={fmt} />,
    mixer: <MixerHistorySection data={data} />,
    invitations: <InvitationsSection data={data} fmt={fmt} />,
    read: <ReadSection data={data} fmt={fmt} />,
    calendar: <CalendarSection data={data} fmt={fmt} />,
  };
  return (
    <div className="grid grid-cols-1 gap-8">
      {sectionOrder(data).map((id) => (
        <Fragment key={id}>{sections[id]}</Fragment>
      ))}
    </div>
  );
}

/** "On this page": the sections as links, so a long page is quick to move around, by keyboard too. */
export async function FollowUpNav({ data, staff }: { data: CaseFollowUp; staff: boolean }) {
  const t = await getTranslations("followup.nav");
  const ids = ["standing", ...sectionOrder(data), ...(staff ? ["meetings-title", "people-title"] : [])];
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
