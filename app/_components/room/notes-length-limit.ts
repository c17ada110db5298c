import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";

/**
 * Agenda notes stop growing at their limit (lib/collab/text-limits.ts, counted as plain text):
 * a local edit that would pass it is not applied (a paste is cut to fit). Edits arriving from the
 * shared document (y-sync) are always applied — refusing them would split this editor from the
 * document everyone else sees; the server's document schema keeps those within bounds.
 */
export function NotesLengthLimit(limit: number) {
  return Extension.create({
    name: "notesLengthLimit",
    addProseMirrorPlugins() {
      return [
        new Plugin({
          filterTransaction: (tr, state) => {
            if (!tr.docChanged || tr.getMeta("y-sync$")) return true;
            const size = tr.doc.textContent.length;
            if (size <= limit || size <= state.doc.textContent.length) return true;
            if (!tr.getMeta("paste")) return false;
            const over = size - limit;
            const head = tr.selection.$head.pos;
            tr.deleteRange(Math.max(0, head - over), head);
            return tr.doc.textContent.length <= limit;
          },
        }),
      ];
    },
  });
}
