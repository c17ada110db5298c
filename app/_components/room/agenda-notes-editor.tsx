"use client";

import { useEffect, useMemo, useState } from "react";
import type * as Y from "yjs";
import { useTranslations } from "next-intl";
import { agendaNotesFragment } from "@/lib/collab";
import { fragmentText } from "@/lib/collab/xml-walk";
import { NOTE_MAX_DEPTH } from "@/lib/collab/doc-schema";
import { nestedDeeperThan } from "@/lib/collab/xml-walk";
import { useRoom } from "./room-context";
import { useMountWhenIdle } from "./mount-when-idle";
import { useYText } from "../collab/use-y-text";
import { notesBoxClass, type NotesProps as Props } from "./notes-box";

type EditorModule = typeof import("./notes-editor");
let editorModule: EditorModule | null = null;
let editorLoading: Promise<EditorModule> | null = null;
/** The editor's module, fetched once for the whole room (a second call waits for the first). */
function loadEditor(): Promise<EditorModule> {
  editorLoading ??= import("./notes-editor").then(
    (m) => (editorModule = m),
    (e: unknown) => {
      editorLoading = null; // a failed fetch (offline) is tried again on the next need
      throw e;
    },
  );
  return editorLoading;
}

/**
 * The rich-text notes of one agenda item (notes-editor.tsx, loaded when first needed).
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

/**
 * Until the editor is there — built in an idle moment (useMountWhenIdle) or at once when the
 * person focuses or presses the notes, and only once its module has loaded — the notes show as
 * plain text in the same box, labelled the same and kept up to date; the cursor then goes on into
 * the editor. Should the module not load (offline and not cached), the text stays readable and the
 * next focus tries again.
 */
function IdleNotesEditor(props: Props & { fragment: Y.XmlFragment }) {
  const { editable } = useRoom();
  const { ready, now } = useMountWhenIdle();
  const [focusOnMount, setFocusOnMount] = useState(false);
  const [mod, setMod] = useState<EditorModule | null>(editorModule);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!ready || mod) return;
    let live = true;
    loadEditor().then(
      (m) => live && setMod(m),
      () => {}, // stays plain text; `attempt` tries again
    );
    return () => {
      live = false;
    };
  }, [ready, mod, attempt]);
  const text = useYText(props.fragment, fragmentText);
  if (ready && mod) return <mod.NotesEditor {...props} focusOnMount={focusOnMount} />;
  const start = () => {
    setFocusOnMount(true);
    setAttempt((n) => n + 1);
    now();
  };
  return (
    <div className={notesBoxClass}>
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
