import Image from "next/image";

export interface ArtworkProps {
  src: string | null | undefined;
  title: string;
  /** The largest size it is shown at, in CSS pixels. */
  size: number;
  /** The sizes attribute when the shown size depends on the viewport; the fixed size otherwise. */
  sizes?: string;
  /** Above the fold: load at once instead of lazily. */
  priority?: boolean;
  className?: string;
}

/**
 * Square cover art through Next's image optimizer (podcast artwork is often a 3000-pixel PNG: the optimizer serves
 * the few kilobytes a card needs, as AVIF or WebP), or a typographic tile when the feed has none. Always at a fixed
 * box so nothing shifts on load.
 */
export function Artwork({ src, title, size, sizes, priority = false, className = "" }: ArtworkProps) {
  const box = `aspect-square shrink-0 self-start overflow-hidden rounded-lg ${className}`;
  if (src) {
    return <Image src={src} alt="" width={size} height={size} sizes={sizes ?? `${size}px`} priority={priority} className={`${box} object-cover`} />;
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
      style={{ width: size, maxWidth: "100%", fontSize: Math.max(14, Math.round(size / 5)) }}
      className={`${box} flex items-center justify-center bg-gradient-to-br from-accent to-ink font-display font-bold text-white`}
    >
      {initials}
    </div>
  );
}
