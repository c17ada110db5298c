import * as Y from "yjs";

/**
 * Bounded walks over rich-text notes (a Y.XmlFragment). Yjs's own toString/toJSON, y-prosemirror
 * and ProseMirror recurse once per level, so notes nested thousands of levels deep (stored before
 * the server checked shapes) overflow the stack of whoever reads them. These walks use a heap
 * stack and stop at a depth and a node count, whatever is stored.
 */
export const WALK_MAX_NODES = 50_000;
export const NOTES_TEXT_MAX = 100_000;

type Frame = { node: Y.XmlElement | Y.XmlFragment | Y.XmlText; depth: number };

function childrenOf(node: Y.XmlElement | Y.XmlFragment): Frame["node"][] {
  const out: Frame["node"][] = [];
  node.forEach((c) => {
    if (c instanceof Y.XmlElement || c instanceof Y.XmlText) out.push(c);
  });
  return out;
}

/**
 * The notes as plain text: each text node on its own line, in document order (an empty element
 * counts as an empty line). Content nested deeper than `maxDepth` elements is left out, and the
 * result ends at NOTES_TEXT_MAX characters.
 */
export function fragmentText(f: unknown, maxDepth = 64): string {
  if (!(f instanceof Y.XmlFragment)) return "";
  const parts: string[] = [];
  let length = 0;
  let visited = 0;
  const stack: Frame[] = childrenOf(f)
    .reverse()
    .map((node) => ({ node, depth: 1 }));
  while (stack.length > 0 && length < NOTES_TEXT_MAX && visited++ < WALK_MAX_NODES) {
    const { node, depth } = stack.pop()!;
    if (node instanceof Y.XmlText) {
      const delta = node.toDelta() as { insert?: unknown }[];
      const s = delta.map((d) => (typeof d.insert === "string" ? d.insert : "")).join("");
      parts.push(s);
      length += s.length + 1;
      continue;
    }
    const kids = depth < maxDepth ? childrenOf(node as Y.XmlElement) : [];
    if (kids.length === 0) parts.push("");
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, depth: depth + 1 });
  }
  return parts.join("\n").slice(0, NOTES_TEXT_MAX);
}

/** Is any element of the notes nested deeper than `limit`? Stops at the first one it finds. */
export function nestedDeeperThan(f: Y.XmlFragment, limit: number): boolean {
  let visited = 0;
  const stack: Frame[] = childrenOf(f).map((node) => ({ node, depth: 1 }));
  while (stack.length > 0) {
    if (visited++ > WALK_MAX_NODES) return true;
    const { node, depth } = stack.pop()!;
    if (!(node instanceof Y.XmlElement)) continue;
    if (depth > limit) return true;
    for (const c of childrenOf(node)) stack.push({ node: c, depth: depth + 1 });
  }
  return false;
}
