import { SectionHeading } from "./section-heading";

export interface CardSectionProps {
  id: string;
  title: string;
  more?: { href: string; label: string };
  /** Two columns from tablet width up; one column otherwise. */
  twoColumns?: boolean;
  children: React.ReactNode;
}

/** A titled list of cards (episodes, stories): the home page's and the search results' building block. */
export function CardSection({ id, title, more, twoColumns = false, children }: CardSectionProps) {
  return (
    <section aria-labelledby={id}>
      <SectionHeading id={id} title={title} moreHref={more?.href} moreLabel={more?.label} />
      <div className={`grid gap-4 ${twoColumns ? "md:grid-cols-2" : ""}`}>{children}</div>
    </section>
  );
}
