/**
 * A page's open modal <dialog> makes everything outside it inert, the widget too: a "Contact support" button in an
 * app's error dialog that calls Handoff.open() would show a form nobody can click or type into. While that dialog is
 * open, the widget's host goes inside it (still a popover in the top layer, so the dialog's own styles do not move
 * it), and back to <body> when either closes. Returns that way back.
 */
export function joinPageModal(host: HTMLElement): () => void {
  let modal: Element | undefined;
  try {
    modal = [...document.querySelectorAll("dialog:modal")].pop();
  } catch {} // a browser without :modal
  if (!modal || modal.contains(host)) return () => {};
  const move = (to: Element) => {
    to.append(host); // leaving its place hides the popover: show it again
    host.showPopover?.();
  };
  const back = () => {
    modal.removeEventListener("close", back);
    if (modal.contains(host)) move(document.body);
  };
  move(modal);
  modal.addEventListener("close", back);
  return back;
}
