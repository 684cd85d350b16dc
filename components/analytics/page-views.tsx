"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { pageViewed } from "./track";

/** Counts each page a visitor sees (beacon.ts also counts the marked clicks once it is loaded). */
export function PageViews() {
  const pathname = usePathname();
  useEffect(() => pageViewed(pathname), [pathname]);
  return null;
}
