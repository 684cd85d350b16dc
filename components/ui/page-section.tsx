export interface PageSectionProps {
  id: string;
  title: string;
  /** Beside the heading on wide screens, under it on phones (a search box, a filter). */
  aside?: React.ReactNode;
  ref?: React.Ref<HTMLElement>;
  children: React.ReactNode;
}

/** A titled part of an episode or story page: show notes, chapters, transcript, people, share. */
export function PageSection({ id, title, aside, ref, children }: PageSectionProps) {
  return (
    <section ref={ref} aria-labelledby={id} className="mt-10">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <h2 id={id} className="font-display text-2xl font-bold">
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}
