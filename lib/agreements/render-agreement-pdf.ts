import { rgb } from "pdf-lib";
import type { AgreementPdfData } from "./agreement-pdf-data";
import { MUTED, PdfWriter } from "./pdf-writer";

const TONES = {
  binding: { fill: rgb(0.9, 0.97, 0.92), border: rgb(0.1, 0.45, 0.25), ink: rgb(0.05, 0.3, 0.15) },
  pending: { fill: rgb(1, 0.96, 0.86), border: rgb(0.6, 0.4, 0.05), ink: rgb(0.4, 0.25, 0.02) },
  old: { fill: rgb(0.94, 0.95, 0.97), border: rgb(0.35, 0.38, 0.45), ink: rgb(0.2, 0.22, 0.28) },
};

/** Lays out the PDF: status first, then the plan, signatures, seal, fingerprint, how to verify. */
export async function renderAgreementPdf(data: AgreementPdfData): Promise<Uint8Array> {
  const w = await PdfWriter.create({ title: data.title, subject: data.summary, language: data.language });
  w.text(data.title, { size: 20, font: "bold", gapAfter: 8 });
  w.box(data.status.text, TONES[data.status.tone]);
  w.text(data.summary, { size: 11, gapAfter: 4 });
  w.text(data.about, { size: 10, color: MUTED, gapAfter: 6 });

  for (const s of data.sections) {
    w.heading(s.heading);
    if (s.intro) w.text(s.intro, { size: 9.5, color: MUTED, gapAfter: 4 });
    for (const r of s.rows) w.row(r.label, r.value);
    for (const g of s.groups) {
      w.space(2);
      w.text(g.title, { font: "bold", size: 11, gapAfter: 2 });
      for (const r of g.rows) w.row(r.label, r.value);
    }
    if (s.rows.length === 0 && s.groups.length === 0 && s.empty) w.text(s.empty, { color: MUTED });
  }

  w.rule();
  w.heading(data.signatures.heading);
  w.text(data.signatures.intro, { size: 9.5, color: MUTED, gapAfter: 4 });
  for (const r of data.signatures.rows) w.row(r.label, r.value);

  w.heading(data.seal.heading);
  w.text(data.seal.text);

  w.heading(data.fingerprint.heading);
  w.text(data.fingerprint.explain, { size: 9.5, color: MUTED, gapAfter: 4 });
  w.text(data.fingerprint.value, { font: "mono", size: 11, gapAfter: 4 });

  w.heading(data.verify.heading);
  data.verify.steps.forEach((step, i) => w.text(`${i + 1}. ${step}`, { indent: 0, gapAfter: 2 }));

  return w.finish((page, pages) => `${data.footer} · ${page}/${pages}`);
}
