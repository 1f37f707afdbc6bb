/**
 * Puts the open widget over whatever the page has shown since it loaded, and returns the way back.
 * - The page's own popovers (a cookie banner with popover=manual) shown after ours sit above it in the top layer and
 *   would cover the form's buttons: showing ours again puts it on top.
 * - A page's open modal <dialog> makes everything outside it inert, the widget too: a "Contact support" button in an
 *   app's error dialog that calls Handoff.open() would show a form nobody can click or type into. While that dialog
 *   is open, the widget's host goes inside it (still a popover in the top layer, so the dialog's styles do not move
 *   it), and back to <body> when either closes.
 */
export function overPage(host: HTMLElement): () => void {
  let modal: Element | undefined;
  try {
    modal = [...document.querySelectorAll("dialog:modal")].pop();
  } catch {} // a browser without :modal
  const move = (to: Element) => {
    to.append(host); // leaving its place hides the popover: show it again
    host.showPopover?.();
  };
  if (!modal || modal.contains(host)) {
    if (host.matches(":popover-open")) {
      host.hidePopover();
      host.showPopover();
    }
    return () => {};
  }
  const back = () => {
    modal.removeEventListener("close", back);
    if (modal.contains(host)) move(document.body);
  };
  move(modal);
  modal.addEventListener("close", back);
  return back;
}
