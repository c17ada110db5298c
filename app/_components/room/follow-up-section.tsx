"use client";

import { memo, useMemo } from "react";
import { useTranslations } from "next-intl";
import { followUpText, setNextMeetingAt, type FollowUpView } from "@/lib/collab";
import { DateField } from "./date-field";
import { useRoom } from "./room-context";
import { FieldLabel } from "@/app/_components/room/field-label";
import { Section } from "@/app/_components/ui/section";
import { YTextField } from "./y-text-field";
import { useLogChange } from "../meeting/use-log-change";

/** How employee and manager follow up, when the job centre is involved again, the next meeting. */
export const FollowUpSection = memo(function FollowUpSection({ followUp }: { followUp: FollowUpView }) {
  const t = useTranslations("room.followUp");
  const { conn, editable } = useRoom();
  const log = useLogChange();
  const doc = conn.doc;
  const texts = useMemo(() => ({ howOften: followUpText(doc, "howOften"), jobCentre: followUpText(doc, "jobCentre") }), [doc]);
  return (
    <Section id="follow-up" title={t("title")} testId="follow-up-section" intro={<p>{t("intro")}</p>}>
      <div className="space-y-4">
        <div data-field="followUp.howOften">
          <FieldLabel htmlFor="followup-how-often" field="followUp.howOften">
            {t("howOften")}
          </FieldLabel>
          <p id="followup-how-often-hint" className="mb-1 text-sm text-slate-700">
            {t("howOftenHint")}
          </p>
          <YTextField
            id="followup-how-often"
            text={texts.howOften}
            multiline
            rows={3}
            limit="followUpHowOften"
            readOnly={!editable}
            aria-describedby="followup-how-often-hint"
            testId="followup-how-often"
          />
        </div>
        <div data-field="followUp.jobCentre">
          <FieldLabel htmlFor="followup-job-centre" field="followUp.jobCentre">
            {t("jobCentre")}
          </FieldLabel>
          <YTextField
            id="followup-job-centre"
            text={texts.jobCentre}
            multiline
            rows={2}
            limit="followUpJobCentre"
            readOnly={!editable}
            testId="followup-job-centre"
          />
        </div>
        <div data-field="followUp.nextMeetingAt">
          <DateField
            id="followup-next-meeting"
            field="followUp.nextMeetingAt"
            kind="datetime-local"
            label={t("nextMeeting")}
            value={followUp.nextMeetingAt}
            readOnly={!editable}
            onCommit={(v) => {
              setNextMeetingAt(doc, v);
              log("next_meeting_set", null, v);
            }}
            testId="followup-next-meeting"
          />
        </div>
      </div>
    </Section>
  );
});
