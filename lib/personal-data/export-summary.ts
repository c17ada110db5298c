import type { AccessLogEntry } from "../audit/list-access-log";
import type { Locale } from "../i18n/locales";
import { mailText } from "../mail/mail-text";
import { MEETING_TIME_ZONE } from "../time/zoned";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * The export's readable summary: one plain HTML page in the person's language that opens in any
 * browser from the unpacked folder (no script, no outside resources). Every value is escaped.
 */
export function renderExportSummary(input: {
  locale: Locale;
  now: Date;
  person: { name: string; role: string; email: string | null };
  kase: { id: string; createdAt: Date; employer: string | null };
  counts: { meetings: number; agreements: number; progress: number; accessLog: number };
  hasPdfs: boolean;
  accessLog: readonly AccessLogEntry[];
}): string {
  const { locale } = input;
  const t = (key: string, vars: Record<string, string | number> = {}) => esc(mailText(locale, `personalData.export.${key}`, vars));
  const label = (key: string, fallback: string) => {
    try {
      return mailText(locale, key);
    } catch {
      return fallback;
    }
  };
  const when = (d: Date) =>
    new Intl.DateTimeFormat(locale === "nb" ? "nb-NO" : locale === "en" ? "en-GB" : "da-DK", {
      dateStyle: "long",
      timeStyle: "short",
      timeZone: MEETING_TIME_ZONE,
    }).format(d);
  const day = (d: Date) =>
    new Intl.DateTimeFormat(locale === "nb" ? "nb-NO" : locale === "en" ? "en-GB" : "da-DK", {
      dateStyle: "long",
      timeZone: MEETING_TIME_ZONE,
    }).format(d);
  const files: [string, string][] = [
    ["summary.html", t("files.summary")],
    ["case.json", t("files.case")],
    ["plan.json", t("files.plan")],
    ["agreements.json", t("files.agreements")],
    ...(input.hasPdfs ? ([["agreements/*.pdf", t("files.agreementPdf")]] as [string, string][]) : []),
    ["progress.json", t("files.progress")],
    ["preparation.json", t("files.preparation")],
    ["invitations.json", t("files.invitations")],
    ["access-log.json", t("files.accessLog")],
  ];
  const rows = input.accessLog
    .map(
      (e) =>
        `<tr><td>${esc(when(e.at))}</td><td>${esc(e.actor.name)} (${esc(label(`roles.${e.actor.role}`, e.actor.role))})</td><td>${esc(
          label(`privacy.accessLog.whatLabel.${e.what}`, e.what),
        )}</td><td>${esc(label(`privacy.accessLog.purpose.${e.purpose}`, e.purpose))}</td></tr>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><title>${t("title")}</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}</style>
</head>
<body>
<h1>${t("title")}</h1>
<p>${t("intro")}</p>
<p>${t("made", { date: day(input.now) })}</p>
<ul>
<li>${t("you", { name: input.person.name, role: label(`roles.${input.person.role}`, input.person.role) })}</li>
${input.person.email ? `<li>${t("email", { email: input.person.email })}</li>` : ""}
<li>${t("case", { caseId: input.kase.id, date: day(input.kase.createdAt) })}</li>
${input.kase.employer ? `<li>${t("employer", { employer: input.kase.employer })}</li>` : ""}
</ul>
<h2>${t("countsTitle")}</h2>
<ul>
<li>${t("meetings", { count: input.counts.meetings })}</li>
<li>${t("agreementVersions", { count: input.counts.agreements })}</li>
<li>${t("progressEntries", { count: input.counts.progress })}</li>
<li>${t("accessLogRows", { count: input.counts.accessLog })}</li>
</ul>
<h2>${t("filesTitle")}</h2>
<dl>
${files.map(([name, what]) => `<dt><code>${esc(name)}</code></dt><dd>${what}</dd>`).join("\n")}
</dl>
<h2>${t("accessLogTitle")}</h2>
<table>
<thead><tr><th>${t("when")}</th><th>${t("who")}</th><th>${t("what")}</th><th>${t("why")}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p>${t("questions")}</p>
</body>
</html>
`;
}
