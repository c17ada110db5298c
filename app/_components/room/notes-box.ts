/** What an agenda item's notes field is told: whose notes, and the label and description it carries. */
export type NotesProps = { itemId: string; labelledBy: string; describedBy?: string };

/** The notes' box, the same while the editor loads and once it is there. */
export const notesBoxClass =
  "rounded-md border border-slate-500 bg-white focus-within:outline focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-blue-900";
