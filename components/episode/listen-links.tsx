import type { ListenLink } from "@/lib/episodes/episodes";

export interface ListenLinksProps {
  links: ListenLink[];
}

export function ListenLinks({ links }: ListenLinksProps) {
  if (links.length === 0) return null;
  return (
    <nav aria-labelledby="listen-on" className="mt-6">
      <h2 id="listen-on" className="text-sm font-semibold uppercase tracking-widest text-muted">
        Listen &amp; watch on
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.platform}>
            <a
              href={link.url}
              target="_blank"
              rel="noopener noreferrer"
              data-track="platform"
              data-track-label={link.label}
              className="inline-flex items-center rounded-full bg-white px-4 py-2 text-sm font-semibold shadow-sm ring-1 ring-black/10 hover:ring-accent"
              title={
                link.demo
                  ? `Demo link: the demo show is not on ${link.label}, so this opens ${link.label}'s home page`
                  : link.episodeLevel
                    ? `This episode on ${link.label}`
                    : `The show on ${link.label}`
              }
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
