import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { Node as PMNode } from "@tiptap/pm/model";

/**
 * Refuses an edit that would nest the notes' blocks deeper than `maxDepth` (a list in a list item
 * is two levels), the depth the server allows (NOTE_MAX_DEPTH in lib/collab/doc-schema.ts): past
 * it the server would refuse the update and close the connection. A ProseMirror node's depth
 * below the document is its y-prosemirror element's depth below the fragment; text nodes do not
 * count, as they are not elements there.
 */
export function NestingLimit(maxDepth: number) {
  return Extension.create({
    name: "nestingLimit",
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key: new PluginKey("nestingLimit"),
          filterTransaction: (tr) => !tr.docChanged || !deeperThan(tr.doc, maxDepth),
        }),
      ];
    },
  });
}

function deeperThan(doc: PMNode, limit: number): boolean {
  const stack: [PMNode, number][] = [[doc, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    node.forEach((child) => {
      if (!child.isText) stack.push([child, depth + 1]);
    });
  }
  return false;
}
