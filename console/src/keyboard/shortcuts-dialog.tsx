import { useEffect, useRef } from "preact/hooks";
import { SHORTCUTS, shortcutsOpen, useShortcuts } from "./shortcuts.js";

/**
 * The `?` overlay: a modal <dialog>, so focus stays inside, Esc closes it and focus returns to where it was.
 */
export function ShortcutsDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  const open = shortcutsOpen.value;
  useShortcuts({ "?": () => (shortcutsOpen.value = true) });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      class="shortcuts"
      aria-labelledby="shortcuts-title"
      // Esc fires `cancel` while its keydown is handled; `close` comes as a task of its own, and Chromium runs input
      // first: a second Esc pressed meanwhile found the overlay still open and did nothing.
      onCancel={() => {
        shortcutsOpen.value = false;
      }}
      onClose={() => {
        shortcutsOpen.value = false;
      }}
    >
      <header class="shortcuts__header">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" class="button button--ghost" onClick={() => (shortcutsOpen.value = false)}>
          Close
        </button>
      </header>
      <p class="muted small">
        Shortcuts never fire while you type in a field. Ctrl, ⌘ and Alt keys stay the browser's.
      </p>
      <div class="shortcuts__groups">
        {SHORTCUTS.map((group) => (
          <section key={group.title} aria-labelledby={`shortcuts-${group.title}`}>
            <h3 id={`shortcuts-${group.title}`}>{group.title}</h3>
            <dl class="shortcuts__list">
              {group.keys.map((shortcut) => (
                <div key={shortcut.does} class="shortcuts__row">
                  <dt>
                    {shortcut.keys.map((key, i) => (
                      <span key={key}>
                        {i > 0 && " + "}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{shortcut.does}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
