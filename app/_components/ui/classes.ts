/**
 * The one look of Stepwise's forms and cards: calm, plain, large enough to hit on a phone, with
 * the visible focus from globals.css. A plain module, not "use client": class strings exported
 * from a client file reach server components as client references, not strings, so the staff
 * pages and the room both read them from here.
 */

/** An input without a width: combine with a width class (inputClass is the full-width one). */
export const inputBaseClass =
  "block rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 read-only:bg-slate-50 disabled:bg-slate-100 disabled:text-slate-600 aria-invalid:border-red-700";
export const inputClass = `${inputBaseClass} w-full`;
/** Selects match `:read-only` in Chromium, so they get the input look without the read-only tint. */
export const selectClass =
  "block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-red-700";
export const labelClass = "block text-sm font-medium text-slate-800";
export const hintClass = "mt-1 text-sm text-slate-600";
export const errorClass = "mt-1 text-sm font-medium text-red-800";
export const buttonClass =
  "inline-flex min-h-10 items-center justify-center gap-1 rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:border-slate-300 aria-disabled:bg-slate-50 aria-disabled:text-slate-500";
export const primaryButtonClass =
  "inline-flex min-h-10 items-center justify-center rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:cursor-not-allowed disabled:opacity-60";
export const dangerButtonClass =
  "inline-flex min-h-10 items-center justify-center rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60";
export const linkClass = "font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950";
export const cardClass = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6";
export const alertClass = "rounded-md border border-amber-300 bg-amber-50 p-3 text-slate-900";
export const noticeClass = "rounded-md border border-emerald-300 bg-emerald-50 p-3 text-slate-900";
