"use client";

import { useEffect, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { useRoom } from "./room-context";
import { buttonClass } from "@/app/_components/ui/classes";

/**
 * Undo / redo of this person's own changes (never someone else's). Ctrl/Cmd+Z and
 * Shift+Ctrl/Cmd+Z (or Ctrl+Y) work anywhere in the room except inside the rich-text notes,
 * where Tiptap's own history answers.
 */
export function UndoControls() {
  const t = useTranslations("room.undo");
  const { conn, editable } = useRoom();
  const { canUndo, canRedo } = useSyncExternalStore(conn.undoState.subscribe, conn.undoState.getSnapshot, conn.undoState.getSnapshot);

  useEffect(() => {
    if (!editable) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const isUndo = key === "z" && !e.shiftKey;
      const isRedo = (key === "z" && e.shiftKey) || (key === "y" && e.ctrlKey && !e.metaKey);
      if (!isUndo && !isRedo) return;
      const target = e.target as HTMLElement | null;
      // Tiptap has its own history; the "add" forms' plain inputs keep the browser's own undo.
      if (target?.closest(".ProseMirror, [data-native-undo]")) return;
      e.preventDefault();
      conn.undo.stopCapturing();
      if (isUndo) conn.undo.undo();
      else conn.undo.redo();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [conn, editable]);

  if (!editable) return null;
  return (
    <div className="flex items-center gap-2" role="group" aria-label={t("group")}>
      <button
        type="button"
        className={`${buttonClass} min-w-10`}
        disabled={!canUndo}
        onClick={() => conn.undo.undo()}
        data-testid="undo-button"
      >
        <span aria-hidden="true">↶</span>
        <span>{t("undo")}</span>
      </button>
      <button
        type="button"
        className={`${buttonClass} min-w-10`}
        disabled={!canRedo}
        onClick={() => conn.undo.redo()}
        data-testid="redo-button"
      >
        <span aria-hidden="true">↷</span>
        <span>{t("redo")}</span>
      </button>
    </div>
  );
}
