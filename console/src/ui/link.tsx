import type { ComponentChildren, JSX } from "preact";
import { navigate } from "../router.js";

type LinkProps = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, "href"> & { href: string; children: ComponentChildren };

/**
 * An ordinary <a> (open in new tab, copy link all work) that routes in-app on a plain click. The caller's `onRouted`
 * runs once the app has moved (e.g. to put focus where a link that went away with the view can no longer hold it).
 */
export function Link({ href, children, onRouted, ...rest }: LinkProps & { onRouted?: () => void }) {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
    onRouted?.();
  };
  return (
    <a {...rest} href={href} onClick={onClick}>
      {children}
    </a>
  );
}
