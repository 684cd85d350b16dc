import Link from "next/link";
import type { EpisodePerson } from "@/lib/episodes/episodes";
import { personPath } from "@/lib/people/people";
import { Artwork } from "@/components/ui/artwork";
import { PageSection } from "@/components/ui/page-section";

export interface PeopleProps {
  persons: EpisodePerson[];
}

const ROLE_LABELS: Record<string, string> = { host: "Host", guest: "Guest", cohost: "Co-host", "co-host": "Co-host", producer: "Producer", editor: "Editor" };

function roleLabel(role: string | undefined): string {
  if (!role) return "Host";
  return ROLE_LABELS[role.toLowerCase()] ?? role.charAt(0).toUpperCase() + role.slice(1);
}

/** The people on the episode (podcast:person): hosts, guests and crew, each linked to their page here. */
export function People({ persons }: PeopleProps) {
  if (persons.length === 0) return null;
  return (
    <PageSection id="people" title="People">
      <ul className="grid gap-3 sm:grid-cols-2">
        {persons.map((person, index) => (
          <li key={`${person.name}-${index}`} className="flex items-center gap-3 rounded-xl bg-white p-3 shadow-sm ring-1 ring-black/5">
            <Artwork src={person.img} title={person.name} size={48} className="w-12 rounded-full" />
            <div>
              <p className="font-semibold">
                <Link href={personPath(person.name)} className="underline">
                  {person.name}
                </Link>
              </p>
              <p className="text-sm text-muted">
                {roleLabel(person.role)}
                {person.href ? (
                  <>
                    {" · "}
                    <a href={person.href} rel="noopener noreferrer nofollow" target="_blank" className="underline">
                      Website
                    </a>
                  </>
                ) : null}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </PageSection>
  );
}
