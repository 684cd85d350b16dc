// The tests' own feed host: a real HTTP server on 127.0.0.1 whose routes each test sets up. Feed fetches in tests
// reach it only with allowPrivateHosts (FEEDS_ALLOW_PRIVATE_HOSTS), never through a hole in the address check.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";

export interface Route {
  body?: string | Buffer;
  status?: number;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** Compress when the client accepts it. */
  encoding?: "gzip" | "br";
  redirectTo?: string;
  /** Send this many bytes in 64 KiB chunks without a Content-Length (a feed that never seems to end). */
  streamBytes?: number;
  /** Send the headers, then nothing. */
  hang?: boolean;
  /** Wait this long before answering (a slow host). */
  delayMs?: number;
}

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
}

export interface FeedServer {
  url(path: string): string;
  port: number;
  routes: Map<string, Route>;
  requests: RecordedRequest[];
  /** Connections the client closed before the response was complete. */
  abortedResponses: number;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const requests: RecordedRequest[] = [];
  const state = { abortedResponses: 0 };

  const server = http.createServer(async (request, response) => {
    const path = request.url ?? "/";
    const delay = routes.get(path)?.delayMs;
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    requests.push({ path, headers: request.headers });
    response.on("close", () => {
      if (!response.writableFinished) state.abortedResponses += 1;
    });
    const route = routes.get(path);
    if (!route) return void response.writeHead(404).end("not found");
    if (route.redirectTo) return void response.writeHead(route.status ?? 302, { location: route.redirectTo }).end();
    if (route.etag && request.headers["if-none-match"] === route.etag) return void response.writeHead(304).end();
    if (route.lastModified && request.headers["if-modified-since"] === route.lastModified) return void response.writeHead(304).end();

    const headers: http.OutgoingHttpHeaders = { "content-type": route.contentType ?? "application/rss+xml" };
    if (route.etag) headers.etag = route.etag;
    if (route.lastModified) headers["last-modified"] = route.lastModified;
    if (route.hang) return void response.writeHead(200, headers).flushHeaders();
    if (route.streamBytes) {
      response.writeHead(200, headers);
      const chunk = Buffer.alloc(64 * 1024, "a");
      let sent = 0;
      const pump = () => {
        while (sent < route.streamBytes! && !response.destroyed) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", pump);
        }
        response.end();
      };
      return pump();
    }
    let body = Buffer.from(route.body ?? "");
    const accepts = String(request.headers["accept-encoding"] ?? "");
    if (route.encoding && accepts.includes(route.encoding)) {
      body = route.encoding === "gzip" ? zlib.gzipSync(body) : zlib.brotliCompressSync(body);
      headers["content-encoding"] = route.encoding;
    }
    headers["content-length"] = body.length;
    response.writeHead(route.status ?? 200, headers).end(body);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    routes,
    requests,
    get abortedResponses() {
      return state.abortedResponses;
    },
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
