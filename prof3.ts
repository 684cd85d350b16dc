import { bigFeedXml } from "./scripts/bench/big-feed";
import { parseOffThread, warmParseWorker } from "@/lib/feeds/parse-worker-client";
(async () => {
  const bytes = Buffer.from(bigFeedXml(5000));
  warmParseWorker(); await new Promise(r => setTimeout(r, 1500));
  for (let i = 0; i < 4; i++) { const s = performance.now(); await parseOffThread({ bytes: Buffer.from(bytes), feedUrl: "https://x.example/feed.xml" }); console.log("parse off-thread", (performance.now() - s).toFixed(0)); }
  process.exit(0);
})();
