"use client";

import { useMemo } from "react";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { agendaNotesFragment } from "@/lib/collab";
import { useRoom } from "./room-context";

/**
 * The rich-text notes of one agenda item (Tiptap over the item's Y.XmlFragment), with the other
 * participants' carets and names. Tiptap keeps its own undo history here (Ctrl/Cmd+Z inside).
 */
export function AgendaNotesEditor({ itemId, labelledBy, describedBy }: { itemId: string; labelledBy: string; describedBy?: string }) {
  const { conn, editable, user } = useRoom();
  const provider = conn.provider;
  const fragment = useMemo(() => agendaNotesFragment(conn.doc, itemId), [conn.doc, itemId]);
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        StarterKit.configure({ undoRedo: false, link: { openOnClick: false } }),
        Collaboration.configure({ fragment }),
        ...(provider ? [CollaborationCaret.configure({ provider, user })] : []),
      ],
      editorProps: {
        attributes: {
          role: "textbox",
          "aria-multiline": "true",
          "aria-readonly": editable ? "false" : "true",
          "aria-labelledby": labelledBy,
          ...(describedBy ? { "aria-describedby": describedBy } : {}),
          "data-testid": "agenda-item-notes",
          "data-field": `agenda:${itemId}.notes`,
          class: "tiptap",
        },
      },
    },
    // Re-created when the person loses edit rights (rare), so the ARIA state stays true.
    [fragment, provider, user, editable],
  );

  return (
    <div className="rounded-md border border-slate-500 bg-white focus-within:outline focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-amber-500">
      {editor ? (
        <EditorContent editor={editor} />
      ) : (
        <div className="tiptap text-slate-600" aria-hidden="true" />
      )}
    </div>
  );
}
