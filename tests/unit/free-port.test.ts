import { describe, expect, it } from "@jest/globals";
import net from "node:net";
import { freePort } from "@/lib/database/free-port";

describe("freePort", () => {
  it("gives the preferred port while it is free, and another once something listens on it", async () => {
    const preferred = await freePort();
    expect(await freePort(preferred)).toBe(preferred);
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(preferred, "127.0.0.1", resolve));
    try {
      const other = await freePort(preferred);
      expect(other).not.toBe(preferred);
      expect(other).toBeGreaterThan(0);
    } finally {
      taken.close();
    }
  });
});
