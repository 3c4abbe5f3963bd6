// The fuzz suites' change detector must see every committed change to a
// watched table and nothing else: if it missed one, "changing nothing" would
// pass for an action that wrote.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rateCounters, users } from "@/db/schema";
import { createUser, testDb } from "./helpers";
import { watchTables } from "./fuzz/harness";

let changedSinceLastCheck: () => Promise<string[]>;
let userId: string;

beforeAll(async () => {
  userId = (await createUser()).id;
  changedSinceLastCheck = await watchTables();
});

describe("watchTables", () => {
  it("reports nothing when nothing was written, and reads without writing", async () => {
    await testDb().select().from(users);
    expect(await changedSinceLastCheck()).toEqual([]);
    expect(await changedSinceLastCheck()).toEqual([]);
  });

  it("names the table an update changed, once", async () => {
    await testDb().update(users).set({ displayName: "Changed by the test" }).where(eq(users.id, userId));
    expect(await changedSinceLastCheck()).toEqual(["users"]);
    expect(await changedSinceLastCheck()).toEqual([]);
  });

  it("names tables changed by inserts and deletes", async () => {
    const extra = await createUser();
    expect(await changedSinceLastCheck()).toEqual(["users"]);
    await testDb().delete(users).where(eq(users.id, extra.id));
    expect(await changedSinceLastCheck()).toEqual(["users"]);
  });

  it("reports nothing for a write that changed no row or was rolled back", async () => {
    await testDb().execute(sql`update users set username = username where false`);
    await expect(
      testDb().transaction(async (tx) => {
        await tx.update(users).set({ displayName: "Rolled back" }).where(eq(users.id, userId));
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await changedSinceLastCheck()).toEqual([]);
  });

  it("ignores the attempt logs, which count refused tries by design", async () => {
    await testDb().insert(rateCounters).values({ bucket: "fuzz-harness-test", count: 1, windowEndsAt: new Date(Date.now() + 60_000) });
    expect(await changedSinceLastCheck()).toEqual([]);
  });
});
