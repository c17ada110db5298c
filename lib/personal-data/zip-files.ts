import { ZipFile } from "yazl";

/** Files into one zip archive, in memory (an export is a few hundred kilobytes). */
export function zipFiles(files: readonly { name: string; data: Uint8Array | string }[], modified: Date): Promise<Buffer> {
  const zip = new ZipFile();
  for (const f of files)
    zip.addBuffer(typeof f.data === "string" ? Buffer.from(f.data, "utf8") : Buffer.from(f.data), f.name, { mtime: modified });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on("data", (c: Buffer) => chunks.push(c));
    zip.outputStream.on("error", reject);
    zip.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
  });
}
