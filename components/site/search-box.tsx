"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import type { Suggestion } from "@/lib/search/search";

const DEBOUNCE_MS = 200;

/**
 * The header's search box: a plain GET form to /search (it works without JavaScript), which suggests matching titles
 * while the listener types. Each keystroke cancels the request before it, so a slow answer never replaces a newer one.
 */
export function SearchBox() {
  const router = useRouter();
  const [query, setQuery] = useState("");
  const [fetched, setFetched] = useState<Suggestion[]>([]);
  // A query too short to suggest for shows none, whatever an earlier one brought.
  const suggestions = query.trim().length < 2 ? [] : fetched;
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const request = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    const typed = query.trim();
    request.current?.abort();
    if (typed.length < 2) return;
    const controller = new AbortController();
    request.current = controller;
    const timer = setTimeout(() => {
      fetch(`/api/search/suggest?q=${encodeURIComponent(typed)}`, { signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<{ suggestions: Suggestion[] }>) : { suggestions: [] }))
        .then(({ suggestions: found }) => {
          setFetched(found);
          setActive(-1);
          setOpen(true);
        })
        .catch(() => undefined); // cancelled by a newer keystroke, or offline: the form still works
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const expanded = open && suggestions.length > 0;
  return (
    <form role="search" aria-label="Quick search" action="/search" className="relative" onSubmit={() => setOpen(false)}>
      <input
        type="search"
        name="q"
        role="combobox"
        aria-label="Search"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        maxLength={200}
        placeholder="Search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (!expanded) return;
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            const step = event.key === "ArrowDown" ? 1 : -1;
            setActive((current) => (current + step + suggestions.length) % suggestions.length);
          } else if (event.key === "Enter" && active >= 0) {
            event.preventDefault();
            setOpen(false);
            router.push(suggestions[active]!.href);
          } else if (event.key === "Escape") setOpen(false);
        }}
        className="w-40 rounded-full border border-white/20 bg-white/10 px-3 py-1.5 text-sm text-white placeholder:text-white/70 focus:w-56 focus:bg-white focus:text-ink focus:outline-none sm:w-48"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!expanded}
        className="absolute right-0 z-40 mt-2 w-72 overflow-hidden rounded-lg bg-white text-ink shadow-lg ring-1 ring-black/10"
      >
        {suggestions.map((suggestion, index) => (
          <li
            key={suggestion.href}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              event.preventDefault();
              setOpen(false);
              router.push(suggestion.href);
            }}
            className="cursor-pointer px-3 py-2 text-sm aria-selected:bg-orange-100 hover:bg-orange-50"
          >
            <span className="mr-2 text-xs font-semibold uppercase text-muted">{suggestion.kind === "episode" ? "Episode" : "Story"}</span>
            {suggestion.title}
          </li>
        ))}
      </ul>
    </form>
  );
}
