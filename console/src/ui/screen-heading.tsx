import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

/**
 * The screen's <h1>. It takes focus when the screen opens so keyboard and screen-reader users
 * land at the top of the new content after an in-app navigation.
 */
export function ScreenHeading({ id, children }: { id?: string; children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement?.closest("a, button")) {
      ref.current?.focus({ preventScroll: true });
    }
  }, []);
  return (
    <h1 id={id} class="screen__title" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
