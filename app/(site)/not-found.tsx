import Link from "next/link";

export default function NotFound() {
  return (
    <section className="py-20 text-center">
      <p className="text-sm font-semibold uppercase tracking-widest text-accent-dark">404</p>
      <h1 className="mt-2 font-display text-4xl font-bold">This page is not on the air</h1>
      <p className="mt-3 text-muted">The link may be old, or the episode may have moved.</p>
      <p className="mt-6">
        <Link href="/episodes" className="rounded-full bg-accent px-5 py-2.5 font-semibold text-white hover:bg-accent-dark">
          Browse all episodes
        </Link>
      </p>
    </section>
  );
}
