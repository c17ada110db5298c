import fontkit, { type Font } from "@cantoo/fontkit";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * The fonts embedded in the agreement PDF: DejaVu Sans (regular, bold) and DejaVu Sans Mono, read
 * from the installed `dejavu-fonts-ttf` package — never fetched. One family covers Danish,
 * Norwegian and the rest of Latin, Greek and Cyrillic, and also the arrows, ≥ ≤ and ✓ that plans
 * contain (Noto Sans has no arrows). See docs/decisions.md, "agreement-pdf".
 *
 * The file is resolved from the project root at run time, not through an import: the route
 * handler is bundled by Next, and a bundler would either inline 1.8 MB of fonts or rewrite the
 * path. `npm start`, `next start`, tsx and Vitest all run with the project root as the working
 * directory, where node_modules is.
 */

export type FontFace = "regular" | "bold" | "mono";

const FILES: Record<FontFace, string> = {
  regular: "dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf",
  bold: "dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf",
  mono: "dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf",
};

const cache = new Map<FontFace, Uint8Array>();

/** Where a face's file is, resolved like `require` would from the project root. */
export function fontFile(face: FontFace): string {
  const fromRoot = createRequire(path.join(process.cwd(), "package.json"));
  return fromRoot.resolve(FILES[face]);
}

/** The face's TrueType bytes, read once per process. */
export function fontBytes(face: FontFace): Uint8Array {
  let bytes = cache.get(face);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(fontFile(face)));
    cache.set(face, bytes);
  }
  return bytes;
}

const parsed = new WeakMap<Uint8Array, Font>();

/**
 * fontkit for pdf-lib, handing out one parsed font per file for the whole process: parsing
 * DejaVu and warming its glyph caches once, not once per PDF. pdf-lib only reads the font (each
 * document makes its own subset of it), so sharing it between documents is safe.
 */
export const sharedFontkit: typeof fontkit = {
  ...fontkit,
  create(data: ArrayBufferView, postscriptName?: string) {
    const bytes = data as Uint8Array;
    let font = parsed.get(bytes);
    if (!font) {
      font = (postscriptName === undefined ? fontkit.create(bytes) : fontkit.create(bytes, postscriptName)) as Font;
      parsed.set(bytes, font);
    }
    return font;
  },
} as typeof fontkit;

/**
 * The advance width of a line at size 1, as the PDF will draw it: pdf-lib writes glyphs with the
 * widths of its `W` array, without kerning, so the sum of the glyphs' advances is exact. Much
 * cheaper than measuring through fontkit's shaping, which wrapping would do for every word.
 */
export function advanceOf(face: FontFace, text: string): number {
  const font = sharedFontkit.create(fontBytes(face)) as Font;
  let units = 0;
  for (const ch of text) units += font.glyphForCodePoint(ch.codePointAt(0)!)?.advanceWidth ?? 0;
  return units / font.unitsPerEm;
}
