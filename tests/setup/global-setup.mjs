// Jest loads global setup with Node's own loader, outside its transform, so this plain module loads the
// TypeScript through tsx. The work is in test-databases.ts.
import { tsImport } from "tsx/esm/api";

export default async function globalSetup(globalConfig) {
  const { setUpTestDatabases } = await tsImport("./test-databases.ts", import.meta.url);
  globalThis.showfrontTestCleanup = await setUpTestDatabases(globalConfig.maxWorkers);
}
