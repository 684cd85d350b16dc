/** @jest-environment jsdom */
import { describe, expect, it } from "@jest/globals";
import "@testing-library/jest-dom/jest-globals";
import { render, screen } from "@testing-library/react";
import { EpisodeCard } from "@/components/episode/episode-card";
import { Pagination } from "@/components/ui/pagination";
import type { EpisodeCard as EpisodeCardData } from "@/lib/episodes";

const episode: EpisodeCardData = {
  slug: "bridges-nobody-inspects",
  title: "Bridges Nobody Inspects",
  summary: "Who is counting?",
  publishedAt: new Date("2026-11-17T06:00:00Z"),
  durationSeconds: 3492,
  artworkUrl: null,
  season: 2,
  number: 8,
  episodeType: "FULL",
  audioUrl: "/demo/audio/long-signal-sample.wav",
  show: { slug: "the-long-signal", title: "The Long Signal", artworkUrl: null },
};

describe("EpisodeCard", () => {
  it("links the title to the episode page and shows date, numbering and length", () => {
    render(<EpisodeCard episode={episode} />);
    expect(screen.getByRole("link", { name: "Bridges Nobody Inspects" })).toHaveAttribute("href", "/episodes/bridges-nobody-inspects");
    expect(screen.getByText("November 17, 2026")).toHaveAttribute("datetime", "2026-11-17T06:00:00.000Z");
    expect(screen.getByText(/S2 · E8/)).toBeInTheDocument();
    expect(screen.getByText(/58 min/)).toBeInTheDocument();
    expect(screen.getByText("Who is counting?")).toBeInTheDocument();
  });

  it("uses the show's artwork, or initials when there is none", () => {
    const { container, rerender } = render(<EpisodeCard episode={episode} />);
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByText("TL")).toBeInTheDocument();
    rerender(<EpisodeCard episode={{ ...episode, show: { ...episode.show, artworkUrl: "https://cdn.example/show.jpg" } }} />);
    expect(container.querySelector("img")).toHaveAttribute("src", "https://cdn.example/show.jpg");
  });
});

describe("Pagination", () => {
  it("offers newer and older pages where they exist", () => {
    render(<Pagination page={2} pageCount={3} basePath="/episodes" />);
    expect(screen.getByRole("link", { name: "← Newer" })).toHaveAttribute("href", "/episodes");
    expect(screen.getByRole("link", { name: "Older →" })).toHaveAttribute("href", "/episodes?page=3");
    expect(screen.getByText("Page 2 of 3")).toBeInTheDocument();
  });

  it("is absent for a single page", () => {
    const { container } = render(<Pagination page={1} pageCount={1} basePath="/episodes" />);
    expect(container).toBeEmptyDOMElement();
  });
});
