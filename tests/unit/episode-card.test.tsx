/** @jest-environment jsdom */
import { describe, expect, it } from "@jest/globals";
import "@testing-library/jest-dom/jest-globals";
import { render, screen } from "@testing-library/react";
import { EpisodeCard } from "@/components/episode/episode-card";
import { Pagination } from "@/components/ui/pagination";
import { demoEpisodeCard } from "../fixtures/episodes";

const episode = demoEpisodeCard;

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
    expect(container.querySelector("img")?.getAttribute("src")).toContain(encodeURIComponent("https://cdn.example/show.jpg"));
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
