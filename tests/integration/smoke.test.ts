import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { countQueries, testDb } from "./helpers";

it("gets a migrated database and counts the statements it runs", async () => {
  const { result, count } = await countQueries(async () => {
    await testDb().execute(sql`select 1`);
    return testDb().execute(sql`select count(*) from users`);
  });
  expect(result).toBeTruthy();
  expect(count).toBe(2);
});
