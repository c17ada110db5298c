import type { Printable } from "./authority-exports";
import { MUTED, PdfWriter } from "./pdf-writer";

/** An authority's format as a PDF: its title, whose plan and which version, then its headings with their rows. */
export async function renderExportPdf(
  p: Printable,
  meta: { author: string; language: string; createdAt: Date; footer: string },
): Promise<Uint8Array> {
  const w = await PdfWriter.create({
    title: p.title,
    subject: p.subtitle,
    author: meta.author,
    language: meta.language,
    createdAt: meta.createdAt,
    identity: JSON.stringify(p),
  });
  w.text(meta.author, { size: 9.5, color: MUTED, gapAfter: 6 });
  w.text(p.title, { size: 20, font: "bold", gapAfter: 4 });
  w.text(p.subtitle, { size: 11, gapAfter: 8 });
  for (const s of p.sections) {
    const first = s.rows[0];
    w.heading(s.heading, 14, first ? w.rowHeight(first.label, first.value) : 0);
    for (const r of s.rows) w.row(r.label, r.value);
  }
  return w.finish((page, pages) => `${meta.footer} · ${page}/${pages}`);
}
