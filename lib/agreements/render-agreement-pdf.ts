import { rgb } from "@cantoo/pdf-lib";
import type { AgreementPdfData } from "./agreement-pdf-data";
import type { PresentedGroup, PresentedSection } from "./frozen-document";
import { MUTED, PdfWriter, type TextStyle } from "./pdf-writer";

const TONES = {
  binding: { fill: rgb(0.9, 0.97, 0.92), border: rgb(0.1, 0.45, 0.25), ink: rgb(0.05, 0.3, 0.15) },
  pending: { fill: rgb(1, 0.96, 0.86), border: rgb(0.6, 0.4, 0.05), ink: rgb(0.4, 0.25, 0.02) },
  old: { fill: rgb(0.94, 0.95, 0.97), border: rgb(0.35, 0.38, 0.45), ink: rgb(0.2, 0.22, 0.28) },
};

const INTRO: TextStyle = { size: 9.5, color: MUTED, gapAfter: 4 };
const GROUP_TITLE: TextStyle = { font: "bold", size: 11, gapAfter: 2 };
const GROUP_GAP = 2;

/**
 * Lays out the PDF: issuer and status first, then the plan, signatures, seal, fingerprint, how to
 * verify. Nothing is left alone at a page's foot: a group (an action with its owner, date and
 * status; a sub-goal with its activities) moves to the next page whole when it fits on one, and a
 * heading always keeps its intro and first entry with it.
 */
export async function renderAgreementPdf(data: AgreementPdfData): Promise<Uint8Array> {
  const w = await PdfWriter.create({
    title: data.title,
    subject: data.summary,
    author: data.issuer.organisationName,
    language: data.language,
    createdAt: new Date(data.issuedAt),
    identity: JSON.stringify(data),
  });
  w.text(data.issuedBy, { size: 9.5, color: MUTED, gapAfter: 6 });
  w.text(data.title, { size: 20, font: "bold", gapAfter: 8 });
  w.box(data.status.text, TONES[data.status.tone]);
  w.text(data.summary, { size: 11, gapAfter: 4 });
  w.text(data.about, { size: 10, color: MUTED, gapAfter: 6 });

  for (const s of data.sections) section(w, s);

  w.rule();
  const sig = data.signatures;
  w.heading(sig.heading, 14, w.textHeight(sig.intro, INTRO) + (sig.rows[0] ? w.rowHeight(sig.rows[0].label, sig.rows[0].value) : 0));
  w.text(sig.intro, INTRO);
  for (const r of sig.rows) w.row(r.label, r.value);

  w.heading(data.seal.heading, 14, w.textHeight(data.seal.text));
  w.text(data.seal.text);

  const fp = data.fingerprint;
  const fpValue: TextStyle = { font: "mono", size: 10, gapAfter: 4 };
  w.heading(fp.heading, 14, w.textHeight(fp.explain, INTRO) + w.textHeight(fp.value, fpValue));
  w.text(fp.explain, INTRO);
  w.text(fp.value, fpValue);

  // The steps are read together: the whole block moves to the next page if it fits there.
  const steps = data.verify.steps.map((step, i) => `${i + 1}. ${step}`);
  const step: TextStyle = { gapAfter: 2 };
  w.heading(
    data.verify.heading,
    14,
    steps.reduce((h, s) => h + w.textHeight(s, step), 0),
  );
  for (const s of steps) w.text(s, step);

  return w.finish((page, pages) => `${data.footer} · ${page}/${pages}`);
}

function section(w: PdfWriter, s: PresentedSection): void {
  const first = s.rows[0]
    ? w.rowHeight(s.rows[0].label, s.rows[0].value)
    : s.groups[0]
      ? groupHeight(w, s.groups[0])
      : s.empty
        ? w.textHeight(s.empty)
        : 0;
  w.heading(s.heading, 14, (s.intro ? w.textHeight(s.intro, INTRO) : 0) + first);
  if (s.intro) w.text(s.intro, INTRO);
  for (const r of s.rows) w.row(r.label, r.value);
  for (const g of s.groups) {
    // Title and rows stay together (the "Status" row of an action never starts a page alone).
    w.keep(
      groupHeight(w, g),
      GROUP_GAP + w.textHeight(g.title, GROUP_TITLE) + (g.rows[0] ? w.rowHeight(g.rows[0].label, g.rows[0].value) : 0),
    );
    w.space(GROUP_GAP);
    w.text(g.title, GROUP_TITLE);
    for (const r of g.rows) w.row(r.label, r.value);
  }
  if (s.rows.length === 0 && s.groups.length === 0 && s.empty) w.text(s.empty, { color: MUTED });
}

function groupHeight(w: PdfWriter, g: PresentedGroup): number {
  return GROUP_GAP + w.textHeight(g.title, GROUP_TITLE) + g.rows.reduce((h, r) => h + w.rowHeight(r.label, r.value), 0);
}
