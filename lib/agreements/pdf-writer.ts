import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage, type RGB } from "pdf-lib";

/**
 * A small flowing-text writer over pdf-lib: headings, paragraphs, label/value rows, a shaded
 * box, page breaks and a footer on every page. Standard PDF fonts only (Helvetica, Courier):
 * nothing is fetched or embedded, and their WinAnsi encoding covers Danish and Norwegian
 * (æ ø å). Characters outside it are replaced by a near equivalent, never dropped silently.
 */

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const FOOTER_SPACE = 36;

export const INK = rgb(0.09, 0.11, 0.16);
export const MUTED = rgb(0.3, 0.33, 0.4);

type Fonts = { regular: PDFFont; bold: PDFFont; mono: PDFFont };
type TextStyle = { size?: number; font?: keyof Fonts; color?: RGB; indent?: number; gapAfter?: number; lineGap?: number };

export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  private readonly charsets = new Map<PDFFont, Set<number>>();

  private constructor(
    readonly doc: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.addPage();
  }

  static async create(meta: { title: string; subject: string; language: string }): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.setTitle(meta.title);
    doc.setSubject(meta.subject);
    doc.setLanguage(meta.language);
    doc.setCreator("Stepwise");
    doc.setProducer("Stepwise");
    const fonts = {
      regular: await doc.embedFont(StandardFonts.Helvetica),
      bold: await doc.embedFont(StandardFonts.HelveticaBold),
      mono: await doc.embedFont(StandardFonts.Courier),
    };
    return new PdfWriter(doc, fonts);
  }

  get contentWidth(): number {
    return A4.width - 2 * MARGIN;
  }

  heading(text: string, size = 14): void {
    this.ensureSpace(size * 3);
    this.y -= size * 0.6;
    this.text(text, { size, font: "bold", gapAfter: 4 });
  }

  /** Wrapped text; "\n" starts a new line. */
  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10.5;
    const font = this.fonts[style.font ?? "regular"];
    const indent = style.indent ?? 0;
    const lineHeight = size * 1.35 + (style.lineGap ?? 0);
    for (const line of this.wrap(this.clean(text, font), font, size, this.contentWidth - indent)) {
      this.ensureSpace(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, { x: MARGIN + indent, y: this.y + size * 0.3, size, font, color: style.color ?? INK });
    }
    this.y -= style.gapAfter ?? 0;
  }

  /** A label in the left column, its (wrapped) value in the right one. */
  row(label: string, value: string, opts: { labelWidth?: number; size?: number } = {}): void {
    const size = opts.size ?? 10.5;
    const labelWidth = opts.labelWidth ?? 160;
    const lineHeight = size * 1.35;
    const labelLines = this.wrap(this.clean(label, this.fonts.bold), this.fonts.bold, size, labelWidth - 10);
    const valueLines = this.wrap(this.clean(value, this.fonts.regular), this.fonts.regular, size, this.contentWidth - labelWidth);
    const n = Math.max(labelLines.length, valueLines.length);
    // Keep short rows together on one page; long ones may break.
    if (n <= 6) this.ensureSpace(n * lineHeight);
    for (let i = 0; i < n; i++) {
      this.ensureSpace(lineHeight);
      this.y -= lineHeight;
      const baseline = this.y + size * 0.3;
      if (labelLines[i]) this.page.drawText(labelLines[i]!, { x: MARGIN, y: baseline, size, font: this.fonts.bold, color: INK });
      if (valueLines[i]) this.page.drawText(valueLines[i]!, { x: MARGIN + labelWidth, y: baseline, size, font: this.fonts.regular, color: INK });
    }
    this.y -= 3;
  }

  /** A shaded box with bold text: the status at the top of the document. */
  box(text: string, colors: { fill: RGB; border: RGB; ink: RGB }, size = 12): void {
    const font = this.fonts.bold;
    const lines = this.wrap(this.clean(text, font), font, size, this.contentWidth - 20);
    const lineHeight = size * 1.35;
    const height = lines.length * lineHeight + 14;
    this.ensureSpace(height + 6);
    this.page.drawRectangle({ x: MARGIN, y: this.y - height, width: this.contentWidth, height, color: colors.fill, borderColor: colors.border, borderWidth: 1.2 });
    let y = this.y - 7;
    for (const line of lines) {
      y -= lineHeight;
      this.page.drawText(line, { x: MARGIN + 10, y: y + size * 0.3, size, font, color: colors.ink });
    }
    this.y -= height + 10;
  }

  rule(): void {
    this.ensureSpace(12);
    this.y -= 6;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4.width - MARGIN, y: this.y }, thickness: 0.6, color: MUTED });
    this.y -= 6;
  }

  space(points: number): void {
    this.y -= points;
  }

  /** Writes the footer on every page ("page i of n" and a fixed line) and returns the bytes. */
  async finish(footer: (page: number, pages: number) => string): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((p, i) => {
      const text = this.clean(footer(i + 1, pages.length), this.fonts.regular);
      p.drawText(text, { x: MARGIN, y: 22, size: 8, font: this.fonts.regular, color: MUTED });
    });
    return this.doc.save({ useObjectStreams: false });
  }

  private addPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  private ensureSpace(height: number): void {
    if (this.y - height < MARGIN + FOOTER_SPACE - 20) this.addPage();
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const out: string[] = [];
    for (const para of text.split("\n")) {
      let line = "";
      for (const word of para.split(/ +/)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) {
          line = candidate;
          continue;
        }
        if (line) out.push(line);
        // A word wider than the column (a fingerprint, a URL) is broken by characters.
        let rest = word;
        while (font.widthOfTextAtSize(rest, size) > width) {
          let cut = rest.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
          out.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      out.push(line);
    }
    return out;
  }

  /** Text the font can encode: known look-alikes first, then "?" for anything else. */
  private clean(text: string, font: PDFFont): string {
    let set = this.charsets.get(font);
    if (!set) {
      set = new Set(font.getCharacterSet());
      this.charsets.set(font, set);
    }
    const replaced = text
      .normalize("NFC")
      .replace(/\r\n?/g, "\n")
      .replace(/[\t\u00a0\u2000-\u200a\u202f\u205f]/g, " ")
      .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
      .replace(/→/g, "->")
      .replace(/←/g, "<-")
      .replace(/≥/g, ">=")
      .replace(/≤/g, "<=")
      .replace(/[‐‑‒−]/g, "-")
      .replace(/[✓✔]/g, "v");
    let out = "";
    for (const ch of replaced) {
      const cp = ch.codePointAt(0)!;
      out += ch === "\n" || set.has(cp) ? ch : "?";
    }
    return out;
  }
}
