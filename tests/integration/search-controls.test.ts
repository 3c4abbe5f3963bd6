import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rateCounters } from "@/db/schema";
import { parseUserTableQuery } from "@/lib/admin/user-params";
import { loadUserTablePage } from "@/lib/admin/user-queries";
import { parseQueueParams } from "@/lib/assignments/queue-schema";
import { loadGradingQueue } from "@/lib/assignments/queue-queries";
import { submitWork } from "@/lib/assignments/submit-work";
import { authenticate } from "@/lib/auth/authenticate";
import { signInSchema } from "@/lib/auth/schemas";
import { signInAccountBucket } from "@/lib/auth/throttle";
import { parseCatalogueParams } from "@/lib/courses/catalogue-schema";
import { searchCatalogue } from "@/lib/courses/catalogue";
import { parseGradebookParams } from "@/lib/gradebook/gradebook-schema";
import { loadGradebook } from "@/lib/gradebook/gradebook-queries";
import { assignmentSetUp, inTx } from "./assignment-fixtures";
import { createUser, testDb } from "./helpers";

// ?q=%00 and friends through the parser AND the query, on a real database:
// PostgreSQL refuses NUL in text with an error, so this proves none reaches it
// (the parsers blank it, and the LIKE escaping blanks it again for any caller
// that skips a parser).

const hostileSearches = ["\u0000", "a\u0000b", "\u202e\u200b", "%_\\", "x".repeat(10_000), "\u0001\u001f\u007f\u0085"];

describe("a search with control characters", () => {
  it.each(hostileSearches.map((q) => [JSON.stringify(q).slice(0, 30), q]))("%s: the grading queue and the gradebook answer", async (_name, q) => {
    const { teacher, course, student, taskId } = await assignmentSetUp({ dueAt: null });
    await inTx((tx) => submitWork(tx, student, { taskId, text: "work", fileIds: [] }, new Date()));
    const queue = await loadGradingQueue(testDb(), teacher, parseQueueParams({ q, status: "all" }));
    expect(queue.total).toBeGreaterThanOrEqual(0);
    const book = await loadGradebook(testDb(), teacher, course.id, parseGradebookParams({ q }));
    expect(book).not.toBeNull();
    // Past the parser too: the query itself never sends a NUL.
    await expect(loadGradingQueue(testDb(), teacher, { ...parseQueueParams({ status: "all" }), q })).resolves.toBeDefined();
    await expect(loadGradebook(testDb(), teacher, course.id, { q, page: 1 })).resolves.not.toBeNull();
  });

  it("finds the student a NUL was typed into the middle of, as if it were a space", async () => {
    const { teacher, student, taskId } = await assignmentSetUp({ dueAt: null });
    await inTx((tx) => submitWork(tx, student, { taskId, text: "work", fileIds: [] }, new Date()));
    const name = student.username;
    const queue = await loadGradingQueue(testDb(), teacher, parseQueueParams({ q: `\u0000${name}\u0000`, status: "all" }));
    expect(queue.total).toBe(1);
  });

  it("the catalogue and the users table answer too", async () => {
    const admin = await createUser({ role: "admin" });
    for (const q of hostileSearches) {
      await expect(searchCatalogue(testDb(), parseCatalogueParams({ q, subject: q }))).resolves.toBeDefined();
      await expect(loadUserTablePage(testDb(), { id: admin.id, role: "admin" }, parseUserTableQuery({ q }))).resolves.not.toBeNull();
    }
  });
});

describe("an over-long sign-in password", () => {
  it("is refused like any wrong password, and counted like one", async () => {
    const user = await createUser({ password: "right-password-1" });
    const ip = "198.51.100.77";
    const { password } = signInSchema.parse({ email: user.email, password: "p".repeat(1024 * 1024) });
    const result = await authenticate(testDb(), { email: user.email, password, ip });
    expect(result).toEqual({ ok: false, reason: "invalid" });
    const [failures] = await testDb()
      .select({ n: rateCounters.count })
      .from(rateCounters)
      .where(eq(rateCounters.bucket, signInAccountBucket(user.email.toLowerCase())));
    expect(failures!.n).toBe(1);
  });
});
