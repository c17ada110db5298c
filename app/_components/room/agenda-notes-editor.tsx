"use client";

import { useMemo, useState } from "react";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import type * as Y from "yjs";
import { useTranslations } from "next-intl";
import { agendaNotesFragment } from "@/lib/collab";
import { fragmentText } from "@/lib/collab/xml-walk";
import { TEXT_LIMITS } from "@/lib/collab/text-limits";
import { NotesLengthLimit } from "./notes-length-limit";
import { NOTE_MAX_DEPTH } from "@/lib/collab/doc-schema";
import { nestedDeeperThan } from "@/lib/collab/xml-walk";
import { useRoom } from "./room-context";
import { NestingLimit } from "./nesting-limit";
import { useMountWhenIdle } from "./mount-when-idle";
import { DiagnosisNotice, type GuardSource } from "../meeting/diagnosis-notice";

type Props = { itemId: string; labelledBy: string; describedBy?: string };

/**
 * The rich-text notes of one agenda item (Tiptap over the item's Y.XmlFragment), with the other
 * participants' carets and names. Tiptap keeps its own undo history here (Ctrl/Cmd+Z inside).
 *
 * Notes nested deeper than the server allows can only come from before it checked (issue 12.3:
 * 3,000 nested list items overflowed the stack of every browser in y-prosemirror and ProseMirror,
 * which recurse per level): they are not handed to the editor at all, and a calm notice says so.
 */
export function AgendaNotesEditor(props: Props) {
  const t = useTranslations("room");
  const { conn } = useRoom();
  const fragment = useMemo(() => agendaNotesFragment(conn.doc, props.itemId), [conn.doc, props.itemId]);
  const tooDeep = useMemo(() => nestedDeeperThan(fragment, NOTE_MAX_DEPTH), [fragment]);
  if (tooDeep) {
    return (
      <p className="rounded-md border border-slate-400 bg-slate-50 p-3 text-slate-800" data-testid="agenda-notes-too-deep">
        {t("notesTooDeep")}
      </p>
    );
  }
  return <IdleNotesEditor {...props} fragment={fragment} />;
}

const boxClass =
  "rounded-md border border-slate-500 bg-white focus-within:outline focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-blue-900";

/**
 * Until the editor has mounted (useMountWhenIdle: an idle moment, or at once when the person
 * focuses or presses it), the notes show as plain text in the same box, labelled the same; focus
 * that arrives before the editor moves into it, so nothing typed or clicked is lost.
 */
function IdleNotesEditor(props: Props & { fragment: Y.XmlFragment }) {
  const { editable } = useRoom();
  const { ready, now } = useMountWhenIdle();
  const [focusOnMount, setFocusOnMount] = useState(false);
  if (ready) return <NotesEditor {...props} focusOnMount={focusOnMount} />;
  const start = () => {
    setFocusOnMount(true);
    now();
  };
  const text = fragmentText(props.fragment);
  return (
    <div className={boxClass}>
      <div
        className="tiptap whitespace-pre-wrap"
        role="textbox"
        aria-multiline="true"
        aria-readonly={editable ? "false" : "true"}
        aria-labelledby={props.labelledBy}
        aria-describedby={props.describedBy}
        tabIndex={0}
        onFocus={start}
        onPointerDown={start}
        data-testid="agenda-item-notes-pending"
      >
        {text}
      </div>
    </div>
  );
}

function NotesEditor({
  itemId,
  labelledBy,
  describedBy,
  fragment,
  focusOnMount,
}: Props & { fragment: Y.XmlFragment; focusOnMount: boolean }) {
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
      <div className={boxClass}>
        {editor ? <EditorContent editor={editor} /> : <div className="tiptap text-slate-600" aria-hidden="true" />}
      </div>
      {guardSource ? <DiagnosisNotice source={guardSource} /> : null}
    </>
  );
}
