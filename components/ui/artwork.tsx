export interface ArtworkProps {
  src: string | null | undefined;
  title: string;
  size: number;
  className?: string;
}

/** Square cover art, or a typographic tile when the feed has none, at a fixed size so nothing shifts on load. */
export function Artwork({ src, title, size, className = "" }: ArtworkProps) {
  const box = `aspect-square shrink-0 self-start overflow-hidden rounded-lg ${className}`;
  if (src) {
    // eslint-disable-next-line @next/next/no-img-element -- artwork lives on the podcast host's servers
    return <img src={src} alt="" width={size} height={size} loading="lazy" decoding="async" className={`${box} object-cover`} />;
  }
  const initials = title
    .split(/\s+/)
    .filter((word) => /^[A-Za-z0-9]/.test(word))
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join("");
  return (
    <div
      aria-hidden="true"
      style={{ width: size, maxWidth: "100%" }}
      className={`${box} flex items-center justify-center bg-gradient-to-br from-accent to-ink font-display text-3xl font-bold text-white`}
    >
      {initials}
    </div>
  );
}
