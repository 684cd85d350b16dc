// Share addresses, built the same way on the server and in the browser.

/** The address with ?t=<seconds>: opening it starts the episode there. */
export function withStartTime(url: string, seconds: number): string {
  const shared = new URL(url);
  shared.searchParams.set("t", String(Math.max(0, Math.floor(seconds))));
  return shared.toString();
}

export function shareLinks(url: string, title: string): { label: string; href: string }[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { label: "X", href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { label: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { label: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { label: "E-mail", href: `mailto:?subject=${t}&body=${encodeURIComponent(`${title}\n\n${url}`)}` },
  ];
}
