import { h, render } from "preact";
import { Launcher } from "./Launcher.js";
import { addSheet } from "./sheet.js";
import { launcherCss } from "./styles.js";
import type { Strings } from "./strings.js";
import type { FormValues, UiController } from "./types.js";

export interface MountedUi {
  host: HTMLElement;
  setOpen(open: boolean): void;
  isOpen(): boolean;
  /** Unread support replies (the launcher's badge); also repaints the open dialog with fresh conversations. */
  setUnread(count: number): void;
  /** Starts fetching the dialog chunk (the launcher does it on hover and focus) so opening feels instant. */
  preload(): void;
  unmount(): void;
}

type DialogModule = typeof import("./Dialog.js");

const blank = (email: string): FormValues => ({ email, subject: "", description: "", includeRecording: true });

/**
 * Renders the launcher (and, once opened, the lazily loaded dialog) into an open shadow root on a host element
 * appended to <body>. The host carries rr-block / data-handoff-block so no recorder (ours or the site's) captures it.
 */
export function mountUi(ctrl: UiController, options: { color: string; left: boolean; launcher: boolean }): MountedUi {
  const host = document.createElement("div");
  host.id = "handoff-widget";
  host.className = "rr-block";
  host.dataset.handoffBlock = "";
  host.translate = false;
  const shadow = host.attachShadow({ mode: "open" });
  // Each stylesheet once (the dialog asks at every render).
  const sheets = new Set<string>();
  const style = (css: string) => {
    if (sheets.has(css)) return;
    sheets.add(css);
    addSheet(shadow, css);
  };
  style(launcherCss(options.color, options.left));
  const root = document.createElement("div");
  // The widget's languages (en, de, fr) read left to right, on a right-to-left page too (direction inherits).
  root.dir = "ltr";
  if (!options.launcher) root.className = "nl";
  shadow.appendChild(root);
  // A phone page without <meta name=viewport> is laid out ~980px wide and shown scaled down (scale < 1): zoom the
  // widget back up so it keeps its size on the screen (a tappable launcher, a dialog that fills the phone).
  const v = visualViewport;
  const zoom = () => (root.style.zoom = `${Math.max(1, 1 / v!.scale)}`);
  v?.addEventListener("resize", zoom);
  if (v) zoom();
  // The top layer: above the page's own fixed and sticky layers, whatever their z-index or place in the DOM.
  host.popover = "manual";
  let open = false;
  // The widget's element last focused: a field the customer types into while the app swaps its body.
  let last: HTMLElement | undefined;
  shadow.addEventListener("focus", (e) => (last = e.target as HTMLElement), true);
  const attach = () => {
    document.body.appendChild(host);
    host.showPopover?.();
    keep.observe(document.body, { childList: true });
    // Taken out with the old body, the open dialog lost the keyboard to the page mid-word: it goes on where it was.
    if (open && document.activeElement === document.body) last?.focus();
  };
  // Single-page apps replace <body> (Turbo) or its children (innerHTML, a framework rendering into it): put the
  // launcher back, or it is gone until the next page load.
  const keep = new MutationObserver(() => !host.isConnected && document.body && attach());
  keep.observe(document.documentElement, { childList: true });
  attach();

  let removed = false;
  // The draft lives here, outside the dialog, so closing it by accident loses nothing.
  let values = blank(ctrl.defaultEmail());
  let sent = false;
  let unread = 0;
  let dialog: DialogModule | undefined;
  let t: Strings | undefined;
  let loading: Promise<void> | undefined;
  // Without our launcher, focus goes back to what opened the dialog (the page's own help button).
  let opener: Element | null = null;

  const preload = () =>
    (loading ||= Promise.all([import("./Dialog.js"), ctrl.formStrings()]).then(
      ([m, strings]) => {
        dialog = m;
        t = strings;
        paint();
      },
      (error) => {
        loading = undefined;
        console.warn("[Handoff] could not load the form", error);
      },
    ));

  const close = () => {
    setOpen(false);
    if (sent) {
      sent = false;
      values = blank(ctrl.defaultEmail());
    }
    // Our launcher first; when it cannot take focus (inert behind the page's open modal dialog), what opened the form.
    const launcher = shadow.querySelector<HTMLElement>(".l");
    launcher?.focus();
    if (!launcher || shadow.activeElement !== launcher) (opener as HTMLElement | null)?.focus?.();
  };

  function paint() {
    if (removed) return;
    const unreadText = (unread && ctrl.conversations()?.t.unread(unread)) || "";
    const launcher =
      options.launcher &&
      h(Launcher, {
        t: ctrl.strings,
        open,
        unread,
        unreadText,
        onClick: () => (open ? close() : setOpen(true)),
        onIntent: () => void preload(),
      });
    const form =
      open && dialog && t
        ? h(dialog.Dialog, {
            ctrl,
            t,
            theme: options,
            style,
            values,
            setValues: (next: FormValues) => {
              values = next;
              paint();
            },
            onClose: close,
            onSent: () => (sent = true),
          })
        : null;
    render(h("div", null, launcher, form), root);
  }

  function setOpen(next: boolean) {
    if (next === open || removed) return;
    open = next;
    if (open) {
      opener = document.activeElement;
      if (!values.email) values = { ...values, email: ctrl.defaultEmail() };
      preload();
    }
    paint();
    ctrl.onOpenChange(open);
  }

  paint();
  return {
    host,
    setOpen,
    isOpen: () => open,
    setUnread: (count) => {
      unread = count;
      paint();
    },
    preload: () => void preload(),
    unmount: () => {
      removed = true;
      keep.disconnect();
      v?.removeEventListener("resize", zoom);
      render(null, root);
      host.remove();
    },
  };
}
