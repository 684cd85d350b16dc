import "server-only";
import net from "node:net";

/** A TCP port on 127.0.0.1 that nothing listens on right now: `preferred` if it is free, else any. */
export async function freePort(preferred = 0): Promise<number> {
  return listenOnce(preferred).catch((error: unknown) => (preferred ? listenOnce(0) : Promise.reject(error)));
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
