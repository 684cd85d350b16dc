// A Jest test file's feed server: started before its tests, emptied before each, closed after.
import { afterAll, beforeAll, beforeEach } from "@jest/globals";
import { startFeedServer, type FeedServer } from "./feed-server";

export function useFeedServer(): Omit<FeedServer, "close"> {
  let current: FeedServer | undefined;
  const server = () => {
    if (!current) throw new Error("The feed server starts in beforeAll; use it inside tests and hooks.");
    return current;
  };
  beforeAll(async () => {
    current = await startFeedServer();
  });
  afterAll(() => current?.close());
  beforeEach(() => {
    server().routes.clear();
    server().requests.length = 0;
  });
  return {
    url: (path) => server().url(path),
    get port() {
      return server().port;
    },
    get routes() {
      return server().routes;
    },
    get requests() {
      return server().requests;
    },
    get abortedResponses() {
      return server().abortedResponses;
    },
  };
}
