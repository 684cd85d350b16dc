export default async function globalTeardown() {
  await globalThis.showfrontTestCleanup?.();
}
