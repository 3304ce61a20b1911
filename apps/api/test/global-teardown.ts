export default async function globalTeardown(): Promise<void> {
  await globalThis.__ZEREN_TEST_PG__?.stop();
}
