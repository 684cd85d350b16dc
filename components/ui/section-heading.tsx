import Link from "next/link";

export interface SectionHeadingProps {
  id: string;
  title: string;
  moreHref?: string;
  moreLabel?: string;
}

export function SectionHeading({ id, title, moreHref, moreLabel }: SectionHeadingProps) {
  return (
    <div className="mb-4 flex items-baseline justify-between border-b-2 border-ink pb-2">
      <h2 id={id} className="font-display text-2xl font-bold">
        {title}
      </h2>
      {moreHref ? (
        <Link href={moreHref} className="text-sm font-semibold text-accent-dark hover:underline">
          {moreLabel}
        </Link>
      ) : null}
    </div>
  );
}
