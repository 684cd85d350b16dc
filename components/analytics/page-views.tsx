"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { pageViewed, track } from "./track";

/** A click on an element marked data-track="platform" or "share" (data-track-label names which): server-rendered links need no script of their own. */
function trackMarkedClick(event: MouseEvent) {
  const marked = (event.target as Element | null)?.closest?.("[data-track]");
  const label = marked?.getAttribute("data-track-label");
  if (!marked || !label) return;
  const path = window.location.pathname;
  if (marked.getAttribute("data-track") === "platform") track({ kind: "platform", path, platform: label });
  else if (marked.getAttribute("data-track") === "share") track({ kind: "share", path, network: label });
}

/** Counts each page a visitor sees and the marked clicks on it; listening here from the first render, the sending code loads later. */
export function PageViews() {
  const pathname = usePathname();
  useEffect(() => pageViewed(pathname), [pathname]);
  useEffect(() => {
    document.addEventListener("click", trackMarkedClick, { capture: true });
    return () => document.removeEventListener("click", trackMarkedClick, { capture: true });
  }, []);
  return null;
}
