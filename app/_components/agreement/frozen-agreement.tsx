import { useTranslations } from "next-intl";
import type { Presentation, PresentedSection } from "@/lib/agreements/frozen-document";

/**
 * The frozen agreement, exactly as stored: every heading, label and value comes from the
 * version's canonical bytes (its presentation block), none from today's catalogues or the live
 * room. `lang` marks the language it was frozen in, for screen readers.
 */
export function FrozenAgreement({ presentation, lang }: { presentation: Presentation; lang: string }) {
  const t = useTranslations("agreement");
  return (
    <article
      lang={lang}
      aria-labelledby="frozen-title"
      data-testid="frozen-agreement"
      className="rounded-xl border border-slate-300 bg-white p-4 shadow-sm sm:p-6"
    >
      <p className="text-sm font-medium text-slate-700">{t("frozenKicker")}</p>
      <h2 id="frozen-title" className="mt-1 text-2xl font-semibold text-slate-900">
        {presentation.title}
      </h2>
      <p className="mt-2 text-lg text-slate-800">{presentation.summary}</p>
      <PresentedSections sections={presentation.sections} idPrefix="frozen-s" />
    </article>
  );
}

/** Sections of presented text (a frozen agreement's, the treating doctor's part of a plan): heading, intro, rows, groups. */
export function PresentedSections({
  sections,
  idPrefix,
  landmarks = true,
}: {
  sections: readonly PresentedSection[];
  idPrefix: string;
  /** false: plain blocks, for a page that shows two plans with the same headings (landmark names must differ). */
  landmarks?: boolean;
}) {
  const Block = landmarks ? "section" : "div";
  return sections.map((s, i) => (
    <Block key={i} aria-labelledby={landmarks ? `${idPrefix}${i}` : undefined} className="mt-6 border-t border-slate-200 pt-4">
      <h3 id={`${idPrefix}${i}`} className="text-lg font-semibold text-slate-900">
        {s.heading}
      </h3>
      {s.intro ? <p className="mt-1 text-sm text-slate-700">{s.intro}</p> : null}
      {s.rows.length > 0 ? <Rows rows={s.rows} /> : null}
      {s.groups.map((g, j) => (
        <div key={j} className="mt-3 rounded-lg bg-slate-50 p-3">
          <h4 className="font-semibold text-slate-900">{g.title}</h4>
          <Rows rows={g.rows} />
        </div>
      ))}
      {s.rows.length === 0 && s.groups.length === 0 && s.empty ? <p className="mt-2 text-slate-700">{s.empty}</p> : null}
    </Block>
  ));
}

function Rows({ rows }: { rows: { label: string; value: string }[] }) {
  return (
    <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[minmax(10rem,14rem)_1fr]">
      {rows.map((r, i) => (
        <div key={i} className="contents">
          <dt className="font-medium text-slate-800">{r.label}</dt>
          <dd className="mb-2 whitespace-pre-line text-slate-900 sm:mb-1">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The fingerprint in groups of four, so people can compare it by eye with the PDF or a bundle. */
export function Fingerprint({ value }: { value: string }) {
  const t = useTranslations("agreement");
  return (
    <div className="rounded-lg border border-slate-300 bg-slate-50 p-3" data-testid="fingerprint-box">
      <p className="text-sm font-medium text-slate-800">{t("fingerprintLabel")}</p>
      <p className="mt-1 break-all font-mono text-sm text-slate-900" data-testid="fingerprint" data-fingerprint={value}>
        {value.match(/.{1,4}/g)?.join(" ")}
      </p>
      <p className="mt-1 text-sm text-slate-700">{t("fingerprintHelp")}</p>
    </div>
  );
}
