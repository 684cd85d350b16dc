"use client";

import { useEffect, useRef, useState, type ComponentType } from "react";
import type { CommentThreadProps } from "./comment-thread";

/**
 * Shows the server's copy of the thread (no JavaScript needed) and swaps in the interactive thread when the section
 * comes near, so a visit that never scrolls to the comments never downloads their code.
 */
export function LazyCommentThread({ children, ...props }: CommentThreadProps & { children: React.ReactNode }) {
  const [Thread, setThread] = useState<ComponentType<CommentThreadProps> | undefined>(undefined);
  const section = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = section.current;
    if (!target) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        void import("./comment-thread").then((module) => setThread(() => module.CommentThread));
      },
      { rootMargin: "600px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, []);
  return <div ref={section}>{Thread ? <Thread {...props} /> : children}</div>;
}
