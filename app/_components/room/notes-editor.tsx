"use client";

import { useMemo } from "react";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import type * as Y from "yjs";
import { TEXT_LIMITS } from "@/lib/collab/text-limits";
import { NOTE_MAX_DEPTH } from "@/lib/collab/doc-schema";
import { NotesLengthLimit } from "./notes-length-limit";
import { NestingLimit } from "./nesting-limit";
import { useRoom } from "./room-context";
import { DiagnosisNotice, type GuardSource } from "../meeting/diagnosis-notice";
import { notesBoxClass, type NotesProps } from "./notes-box";

/**
 * The rich-text notes of one agenda item: Tiptap over the item's Y.XmlFragment, with the other
 * participants' carets and names. Tiptap keeps its own undo history here (Ctrl/Cmd+Z inside).
 * Its own module, loaded when first needed (agenda-notes-editor.tsx): Tiptap and ProseMirror are
 * the largest part of the room's JavaScript, and nothing else in the room needs them.
 */
export function NotesEditor({
  itemId,
  labelledBy,
  describedBy,
  fragment,
  focusOnMount,
}: NotesProps & { fragment: Y.XmlFragment; focusOnMount: boolean }) {
  const { conn, editable, user } = useRoom();
  const provider = conn.provider;
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      // The person was already in the placeholder: the cursor goes on, at the end of the notes.
      autofocus: focusOnMount ? "end" : false,
      extensions: [
        StarterKit.configure({ undoRedo: false, link: { openOnClick: false } }),
        Collaboration.configure({ fragment }),
        NotesLengthLimit(TEXT_LIMITS.agendaNotes),
        NestingLimit(NOTE_MAX_DEPTH),
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

  // The diagnosis guard reads the notes as plain text (blocks on their own lines) and, when asked,
  // deletes the sentence from the paragraph it is in.
  const guardSource = useMemo<GuardSource | null>(() => {
    if (!editor) return null;
    return {
      read: () => editor.state.doc.textBetween(0, editor.state.doc.content.size, "\n"),
      subscribe: (fn) => {
        editor.on("update", fn);
        return () => {
          editor.off("update", fn);
        };
      },
      remove: (excerpt) => {
        let range: { from: number; to: number } | null = null;
        editor.state.doc.descendants((node, pos) => {
          if (range) return false;
          if (!node.isTextblock) return true;
          let plain = true;
          node.forEach((child) => {
            if (!child.isText) plain = false;
          });
          const i = plain ? node.textContent.indexOf(excerpt) : -1;
          if (i >= 0) range = { from: pos + 1 + i, to: pos + 1 + i + excerpt.length };
          return false;
        });
        if (!range) return false;
        return editor.chain().deleteRange(range).run();
      },
    };
  }, [editor]);

  return (
    <>
      <div className={notesBoxClass}>
        {editor ? <EditorContent editor={editor} /> : <div className="tiptap text-slate-600" aria-hidden="true" />}
      </div>
      {guardSource ? <DiagnosisNotice source={guardSource} /> : null}
    </>
  );
}
