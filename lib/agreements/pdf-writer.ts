import { PDFDocument, PDFHexString, rgb, type PDFFont, type PDFPage, type RGB } from "@cantoo/pdf-lib";
import { createHash } from "node:crypto";
import { advanceOf, fontBytes, sharedFontkit, type FontFace } from "./pdf-fonts";

/**
 * A small flowing-text writer over @cantoo/pdf-lib: headings, paragraphs, label/value rows, a
 * shaded box, page breaks and a footer on every page, written as PDF/A-2b:
 *
 * - every font is embedded (DejaVu, subset to the glyphs used, with a ToUnicode map so the text
 *   copies and searches as written); the standard 14 fonts are never used;
 * - XMP metadata (pdfaid part 2, conformance B) kept equal to the document info, an sRGB output
 *   intent (the ICC profile ships inside @cantoo/pdf-lib) and a file identifier;
 * - no glyph is ever .notdef (forbidden by PDF/A): a character the font lacks is printed as "�".
 *
 * The bytes depend only on the input: the dates are the caller's, the file identifier is a hash
 * of the content, and the font subset tags are derived from the face's name.
 */

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const BOTTOM = 72;
const PAGE_ROOM = A4.height - MARGIN - BOTTOM;

export const INK = rgb(0.09, 0.11, 0.16);
export const MUTED = rgb(0.3, 0.33, 0.4);

type Fonts = Record<FontFace, PDFFont>;
export type TextStyle = { size?: number; font?: FontFace; color?: RGB; indent?: number; gapAfter?: number; lineGap?: number };

export type PdfMeta = {
  title: string;
  subject: string;
  /** The issuing organisation. */
  author: string;
  /** BCP 47, e.g. "da-DK". */
  language: string;
  /** The document's date: the newest fact it states (see export-agreement-pdf), never "now". */
  createdAt: Date;
  /** What the file identifier is derived from: everything the document shows. */
  identity: string;
};

/**
 * OpenType features for fontkit's shaping. Ligatures off: "fi" stays two glyphs, so copied and
 * searched text is exactly the text. Positioning off (kerning, marks): pdf-lib draws each glyph
 * at its advance width and ignores positioning anyway, and shaping with it made each line cost
 * five times as much. Substitutions a script needs (ccmp, locl, rlig) stay on.
 */
const FEATURES = { liga: false, clig: false, calt: false, kern: false, mark: false, mkmk: false };

const ROW_LABEL_WIDTH = 160;
const ROW_GAP = 3;

export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  private readonly charsets = new Map<FontFace, Set<number>>();

  private constructor(
    readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    private readonly meta: PdfMeta,
  ) {
    this.addPage();
  }

  static async create(meta: PdfMeta): Promise<PdfWriter> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(sharedFontkit);
    const embed = (face: FontFace, name: string) =>
      doc.embedFont(fontBytes(face), { subset: true, customName: subsetName(name), features: FEATURES });
    const fonts: Fonts = {
      regular: await embed("regular", "DejaVuSansCondensed"),
      bold: await embed("bold", "DejaVuSansCondensed-Bold"),
      mono: await embed("mono", "DejaVuSansMono"),
    };
    return new PdfWriter(doc, fonts, meta);
  }

  get contentWidth(): number {
    return A4.width - 2 * MARGIN;
  }

  /**
   * Starts a new page unless a block of this height fits on the rest of this one. A block taller
   * than a page starts where at least `atLeast` of it fits (its title and first line, say).
   */
  keep(height: number, atLeast = 0): void {
    this.ensureSpace(height <= PAGE_ROOM ? height : Math.min(atLeast, PAGE_ROOM));
  }

  headingHeight(text: string, size = 14): number {
    return size * 0.6 + this.textHeight(text, { size, font: "bold", gapAfter: 4 });
  }

  /** A heading, kept on one page with the next `keepWithNext` points (at least its first lines). */
  heading(text: string, size = 14, keepWithNext = 0): void {
    const own = this.headingHeight(text, size);
    this.keep(own + keepWithNext, own + Math.min(keepWithNext, 3 * 14));
    this.y -= size * 0.6;
    this.text(text, { size, font: "bold", gapAfter: 4 });
  }

  textHeight(text: string, style: TextStyle = {}): number {
    const { size, face, lineHeight } = this.resolve(style);
    return this.lines(text, face, size, this.contentWidth - (style.indent ?? 0)).length * lineHeight + (style.gapAfter ?? 0);
  }

  /** Wrapped text; "\n" starts a new line. */
  text(text: string, style: TextStyle = {}): void {
    const { size, face, lineHeight } = this.resolve(style);
    const indent = style.indent ?? 0;
    for (const line of this.lines(text, face, size, this.contentWidth - indent)) {
      this.ensureSpace(lineHeight);
      this.y -= lineHeight;
      this.draw(line, MARGIN + indent, size, face, style.color ?? INK);
    }
    this.y -= style.gapAfter ?? 0;
  }

  rowHeight(label: string, value: string, size = 10.5): number {
    return this.rowLines(label, value, size).n * size * 1.35 + ROW_GAP;
  }

  /** A label in the left column, its (wrapped) value in the right one. */
  row(label: string, value: string, size = 10.5): void {
    const lineHeight = size * 1.35;
    const { labelLines, valueLines, n } = this.rowLines(label, value, size);
    // Keep short rows together on one page; long ones may break.
    if (n <= 6) this.ensureSpace(n * lineHeight);
    for (let i = 0; i < n; i++) {
      this.ensureSpace(lineHeight);
      this.y -= lineHeight;
      if (labelLines[i]) this.draw(labelLines[i]!, MARGIN, size, "bold", INK);
      if (valueLines[i]) this.draw(valueLines[i]!, MARGIN + ROW_LABEL_WIDTH, size, "regular", INK);
    }
    this.y -= ROW_GAP;
  }

  /** A shaded box with bold text: the status at the top of the document. */
  box(text: string, colors: { fill: RGB; border: RGB; ink: RGB }, size = 12): void {
    const lines = this.lines(text, "bold", size, this.contentWidth - 20);
    const lineHeight = size * 1.35;
    const height = lines.length * lineHeight + 14;
    this.ensureSpace(height + 6);
    this.page.drawRectangle({
      x: MARGIN,
      y: this.y - height,
      width: this.contentWidth,
      height,
      color: colors.fill,
      borderColor: colors.border,
      borderWidth: 1.2,
    });
    let y = this.y - 7;
    for (const line of lines) {
      y -= lineHeight;
      this.page.drawText(line, { x: MARGIN + 10, y: y + size * 0.3, size, font: this.fonts.bold, color: colors.ink });
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

  /** Writes the footer on every page ("page i of n" and a fixed line), the archive metadata, and returns the bytes. */
  async finish(footer: (page: number, pages: number) => string): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((p, i) => {
      const lines = this.lines(footer(i + 1, pages.length), "regular", 8, this.contentWidth);
      lines.forEach((line, j) =>
        p.drawText(line, { x: MARGIN, y: 22 + (lines.length - 1 - j) * 10, size: 8, font: this.fonts.regular, color: MUTED }),
      );
    });
    const { doc, meta } = this;
    doc.setTitle(meta.title, { showInWindowTitleBar: true });
    doc.setSubject(meta.subject);
    doc.setAuthor(meta.author);
    doc.setLanguage(meta.language);
    doc.setCreator("Stepwise");
    doc.setProducer("Stepwise (@cantoo/pdf-lib)");
    doc.setCreationDate(meta.createdAt);
    doc.setModificationDate(meta.createdAt);
    // PDF/A needs a file identifier; convertToPDFA would draw a random one, this one is stable.
    const id = PDFHexString.of(createHash("sha256").update(meta.identity).digest("hex").slice(0, 32));
    doc.context.trailerInfo.ID = doc.context.obj([id, id]);
    doc.convertToPDFA({ conformance: "2B" });
    return doc.save({ useObjectStreams: false });
  }

  private resolve(style: TextStyle): { size: number; face: FontFace; lineHeight: number } {
    const size = style.size ?? 10.5;
    return { size, face: style.font ?? "regular", lineHeight: size * 1.35 + (style.lineGap ?? 0) };
  }

  private rowLines(label: string, value: string, size: number) {
    const labelLines = this.lines(label, "bold", size, ROW_LABEL_WIDTH - 10);
    const valueLines = this.lines(value, "regular", size, this.contentWidth - ROW_LABEL_WIDTH);
    return { labelLines, valueLines, n: Math.max(labelLines.length, valueLines.length) };
  }

  private draw(line: string, x: number, size: number, face: FontFace, color: RGB): void {
    this.page.drawText(line, { x, y: this.y + size * 0.3, size, font: this.fonts[face], color });
  }

  private addPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  private ensureSpace(height: number): void {
    if (this.y - height < BOTTOM) this.addPage();
  }

  /** The text as the lines it is drawn in: cleaned for the face, wrapped to `width`. */
  private lines(text: string, face: FontFace, size: number, width: number): string[] {
    return wrap(this.clean(text, face), (s) => advanceOf(face, s) * size, width);
  }

  /** Text the face can draw: spaces normalised, invisible characters dropped, anything else it lacks as "\ufffd". */
  private clean(text: string, face: FontFace): string {
    let set = this.charsets.get(face);
    if (!set) {
      set = new Set(this.fonts[face].getCharacterSet());
      this.charsets.set(face, set);
    }
    const missing = set.has(0xfffd) ? "\ufffd" : "?";
    const normalised = text
      .normalize("NFC")
      .replace(/\r\n?/g, "\n")
      .replace(/[\t\u00a0\u2000-\u200a\u202f\u205f]/g, " ")
      .replace(/[\u200b-\u200d\u2060\ufeff]/g, "");
    let out = "";
    for (const ch of normalised) out += ch === "\n" || set.has(ch.codePointAt(0)!) ? ch : missing;
    return out;
  }
}

/** Greedy line breaking at spaces; a word wider than the column (a fingerprint, a URL) is broken by characters. */
function wrap(text: string, measure: (s: string) => number, width: number): string[] {
  const out: string[] = [];
  const space = measure(" ");
  for (const para of text.split("\n")) {
    let line = "";
    let lineWidth = 0;
    for (const word of para.split(/ +/)) {
      const w = measure(word);
      if (line && lineWidth + space + w <= width) {
        line = `${line} ${word}`;
        lineWidth += space + w;
        continue;
      }
      if (line) out.push(line);
      let rest = [...word];
      while (rest.length > 1 && measure(rest.join("")) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut).join("")) > width) cut--;
        out.push(rest.slice(0, cut).join(""));
        rest = rest.slice(cut);
      }
      line = rest.join("");
      lineWidth = measure(line);
    }
    out.push(line);
  }
  return out;
}

/**
 * "ABCDEF+Name": a subset font's name carries a six-letter tag (ISO 32000-1, 9.6.4). Derived
 * from the name, not random, so the same input gives the same bytes.
 */
function subsetName(name: string): string {
  const digest = createHash("sha256").update(name).digest();
  const tag = Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join("");
  return `${tag}+${name}`;
}
