import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, decodePDFRawStream } from "@cantoo/pdf-lib";

/**
 * Test helpers for the agreement PDF (not for production code). Text is read back with Mozilla's
 * pdf.js, an independent reader, so a test proves what a person's viewer shows and copies — not
 * what our own writer believes it wrote.
 */

/** Each page's text, lines joined with "\n". */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, isEvalSupported: false })
    .promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ("str" in it ? it.str + (it.hasEOL ? "\n" : "") : "")).join(""));
  }
  await doc.destroy();
  return pages;
}

export type PdfFontInfo = { name: string; subtype: string; embedded: boolean; hasToUnicode: boolean };

/** The document's structure as an archive checks it: fonts, metadata, output intent, identifier. */
export async function pdfStructure(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const ctx = doc.context;
  const fonts: PdfFontInfo[] = [];
  const glyphStrings: string[] = [];
  for (const [, obj] of ctx.enumerateIndirectObjects()) {
    if (
      obj instanceof PDFDict &&
      obj.get(PDFName.of("Type")) === PDFName.of("Font") &&
      obj.get(PDFName.of("Subtype")) !== PDFName.of("CIDFontType2")
    ) {
      const subtype = String(obj.get(PDFName.of("Subtype")));
      const descendant = obj.lookupMaybe(PDFName.of("DescendantFonts"), PDFArray)?.lookup(0, PDFDict);
      const descriptor = (descendant ?? obj).lookupMaybe(PDFName.of("FontDescriptor"), PDFDict);
      const embedded = !!descriptor && ["FontFile", "FontFile2", "FontFile3"].some((k) => descriptor.get(PDFName.of(k)) instanceof PDFRef);
      fonts.push({
        name: String(obj.get(PDFName.of("BaseFont"))),
        subtype,
        embedded,
        hasToUnicode: obj.get(PDFName.of("ToUnicode")) instanceof PDFRef,
      });
    }
  }
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => ctx.lookup(r)) : [contents];
    for (const s of streams) {
      if (s instanceof PDFRawStream)
        glyphStrings.push(
          ...(Buffer.from(decodePDFRawStream(s).decode())
            .toString("latin1")
            .match(/<[0-9A-Fa-f]*>\s*Tj/g) ?? []),
        );
    }
  }
  const catalog = doc.catalog;
  const metadata = catalog.lookupMaybe(PDFName.of("Metadata"), PDFStream);
  const xmp = metadata instanceof PDFRawStream ? Buffer.from(metadata.contents).toString("utf8") : "";
  const intent = catalog.lookupMaybe(PDFName.of("OutputIntents"), PDFArray)?.lookup(0, PDFDict);
  const profile = intent?.lookupMaybe(PDFName.of("DestOutputProfile"), PDFStream);
  const id = ctx.trailerInfo.ID;
  return {
    header: Buffer.from(bytes.subarray(0, 15)),
    fonts,
    /** Each drawn string's glyph ids (4 hex digits each): a "0000" would be the forbidden .notdef. */
    glyphIds: glyphStrings.flatMap((s) => s.replace(/[<>\sTj]/g, "").match(/.{4}/g) ?? []),
    xmp,
    outputIntent: intent
      ? {
          s: String(intent.get(PDFName.of("S"))),
          condition: String(intent.get(PDFName.of("OutputConditionIdentifier"))),
          components: profile ? String(profile.dict.get(PDFName.of("N"))) : null,
        }
      : null,
    hasFileId: id !== undefined,
    encrypted: doc.isEncrypted,
    info: {
      title: doc.getTitle(),
      author: doc.getAuthor(),
      subject: doc.getSubject(),
      created: doc.getCreationDate(),
      language: String(catalog.get(PDFName.of("Lang"))),
    },
  };
}
