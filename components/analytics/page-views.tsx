"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { sendNow, track, trackedPath } from "./beacon";

/**
 * Counts each page a visitor sees, the first with where the visit came from, and the clicks on elements marked
 * data-track="platform" or "share" (data-track-label names which), so server-rendered links need no script of their own.
 */
export function PageViews() {
  const pathname = usePathname();
  const previous = useRef<string | undefined>(undefined);

  useEffect(() => {
    const path = trackedPath(pathname);
    if (previous.current === undefined) {
      const query = new URLSearchParams(window.location.search);
      const campaign = query.get("utm_source") ?? query.get("ref") ?? undefined;
      track({ kind: "view", path, referrer: document.referrer.slice(0, 2000) || undefined, campaign: campaign?.slice(0, 100) });
    } else if (previous.current !== path) {
      track({ kind: "view", path, referrer: `${window.location.origin}${previous.current}` });
    }
    previous.current = path;
  }, [pathname]);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const marked = (event.target as Element | null)?.closest?.("[data-track]");
      const label = marked?.getAttribute("data-track-label");
      if (!marked || !label) return;
      const path = trackedPath(window.location.pathname);
      if (marked.getAttribute("data-track") === "platform") track({ kind: "platform", path, platform: label });
      else if (marked.getAttribute("data-track") === "share") track({ kind: "share", path, network: label });
    };
    const onHidden = () => {
      if (document.visibilityState === "hidden") sendNow();
    };
    document.addEventListener("click", onClick, { capture: true });
    document.addEventListener("visibilitychange", onHidden);
    window.addEventListener("pagehide", sendNow);
    return () => {
      document.removeEventListener("click", onClick, { capture: true });
      document.removeEventListener("visibilitychange", onHidden);
      window.removeEventListener("pagehide", sendNow);
    };
  }, []);

  return null;
}
