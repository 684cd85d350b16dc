"use client";

// Values only the browser has, read during render: the server and hydration use the fallback, the browser then
// renders its own (React's useSyncExternalStore), with no effect that sets state after the first paint.
import { useSyncExternalStore } from "react";

export const noSubscription = () => () => {};

function everySecond(onChange: () => void) {
  const timer = setInterval(onChange, 1000);
  return () => clearInterval(timer);
}

/** The time in whole seconds, kept current while `ticking`; 0 on the server. */
export function useSecondsNow(ticking: boolean): number {
  return useSyncExternalStore(
    ticking ? everySecond : noSubscription,
    () => Math.floor(Date.now() / 1000),
    () => 0,
  );
}
