/** A customer-supplied URL: a link only for http(s), never javascript: or data:; opened without referrer. */
export function ExternalUrl({ url }: { url: string }) {
  let safe = false;
  try {
    safe = ["http:", "https:"].includes(new URL(url).protocol);
  } catch {
    safe = false;
  }
  if (!safe) return <span class="url">{url}</span>;
  return (
    <a class="url" href={url} target="_blank" rel="noopener noreferrer nofollow">
      {url}
    </a>
  );
}
