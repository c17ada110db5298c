import { errorClass } from "./classes";

/** A field's own error line, always present (empty when fine) so aria-describedby never dangles. */
export function FieldError({ id, message }: { id: string; message: string | null }) {
  return (
    <p id={id} className={errorClass} aria-live="polite">
      {message}
    </p>
  );
}
