/** Focus an element that React is about to render (e.g. the text field of a just-added item). */
export function focusSoon(id: string): void {
  let tries = 0;
  const attempt = () => {
    const el = document.getElementById(id);
    if (el) el.focus();
    else if (tries++ < 10) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
