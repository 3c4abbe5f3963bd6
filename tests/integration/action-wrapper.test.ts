import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { auditLog, users } from "@/db/schema";
import { executeAction, publicAction, userAction } from "@/lib/actions/action";
import { getCurrentUser } from "@/lib/auth/current-user";
import { fail, invalidInputMessage } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/session-user";
import { createUser, testDb } from "./helpers";
import { captureLogs } from "../support/capture-logs";

// The real module reads the session through next-auth, which needs the Next.js
// runtime; these tests hand the user to executeAction themselves.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

const schema = z.object({
  note: z.string().trim().min(1, "Write a note."),
  points: z.number().int("Whole points only.").min(0),
});

let user: CurrentUser;
let logs: ReturnType<typeof captureLogs>;

beforeEach(async () => {
  const created = await createUser({ role: "teacher" });
  user = {
    id: created.id,
    email: created.email,
    username: created.username,
    displayName: null,
    role: created.role,
    gradeLevel: null,
  };
  logs = captureLogs();
});

afterEach(() => {
  logs.restore();
});

async function auditRowsFor(action: string) {
  return testDb().select().from(auditLog).where(eq(auditLog.action, action));
}

const writeNote = (tx: Parameters<typeof recordAudit>[0], action: string, note: string) =>
  recordAudit(tx, { actorId: user.id, action, entityType: "note", after: { note } });

describe("executeAction", () => {
  it("returns field errors for bad input and runs nothing", async () => {
    const authorize = vi.fn(() => true);
    const run = vi.fn(async () => "never");
    const result = await executeAction({ name: "test.badInput", schema, authorize, run }, { note: "   ", points: 1.5 }, user);
    expect(result).toEqual({
      ok: false,
      error: invalidInputMessage,
      fieldErrors: { note: ["Write a note."], points: ["Whole points only."] },
    });
    expect(authorize).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
  });

  it("reports a non-object input on the form", async () => {
    const result = await executeAction({ name: "test.notAnObject", schema, authorize: () => true, run: async () => 1 }, "nope", user);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors)).toEqual(["_form"]);
  });

  it("refuses when authorize says no, and rolls back whatever authorize wrote", async () => {
    const run = vi.fn(async () => "never");
    const result = await executeAction(
      {
        name: "test.refused",
        schema,
        authorize: async (_user, input, tx) => {
          await writeNote(tx, "test.written_by_authorize", input.note);
          return false;
        },
        run,
      },
      { note: "hello", points: 1 },
      user,
    );
    expect(result).toEqual({ ok: false, error: "You are not allowed to do that.", fieldErrors: {} });
    expect(run).not.toHaveBeenCalled();
    expect(await auditRowsFor("test.written_by_authorize")).toEqual([]);
  });

  it("asks a guest to sign in when refused", async () => {
    const result = await executeAction(
      { name: "test.guest", schema, authorize: (who) => who !== null, run: async () => "never" },
      { note: "hello", points: 1 },
      null,
    );
    expect(result).toEqual({ ok: false, error: "Sign in to continue.", fieldErrors: {} });
  });

  it("rolls back the writes made before fail(), and shows its message and field errors", async () => {
    const after = vi.fn(async () => {});
    const result = await executeAction(
      {
        name: "test.fail",
        schema,
        authorize: () => true,
        run: async (input, { tx }) => {
          await writeNote(tx, "test.before_fail", input.note);
          await tx.update(users).set({ displayName: "Changed before failing" }).where(eq(users.id, user.id));
          return fail("That note is not allowed.", { note: ["Pick another note."] });
        },
        after,
      },
      { note: "hello", points: 1 },
      user,
    );
    expect(result).toEqual({ ok: false, error: "That note is not allowed.", fieldErrors: { note: ["Pick another note."] } });
    expect(await auditRowsFor("test.before_fail")).toEqual([]);
    const [stored] = await testDb().select({ displayName: users.displayName }).from(users).where(eq(users.id, user.id));
    expect(stored!.displayName).toBeNull();
    expect(after).not.toHaveBeenCalled();
    expect(logs.at("error")).toEqual([]);
  });

  it("answers an unexpected database error with a reference id, never the database text, and rolls back", async () => {
    const result = await executeAction(
      {
        name: "test.dbError",
        schema,
        authorize: () => true,
        run: async (input, { tx }) => {
          await writeNote(tx, "test.before_db_error", input.note);
          // Breaks the users_username_format check constraint.
          await tx.update(users).set({ username: "no spaces allowed" }).where(eq(users.id, user.id));
          return "never";
        },
      },
      { note: "hello", points: 1 },
      user,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^Something went wrong on our side \(reference [0-9a-f]{8}\)\. Please try again\.$/);
    expect(result.error).not.toContain("users_username_format");
    expect(result.error).not.toMatch(/violates|constraint|users|update|sql/i);
    expect(result.fieldErrors).toEqual({});

    // The full error is logged on the server under the same reference.
    const reference = /reference ([0-9a-f]{8})/.exec(result.error)![1]!;
    const errors = logs.at("error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ msg: "action: unexpected error", action: "test.dbError", errorId: reference });
    expect(JSON.stringify(errors[0]!.err)).toContain("users_username_format");

    expect(await auditRowsFor("test.before_db_error")).toEqual([]);
    const [stored] = await testDb().select({ username: users.username }).from(users).where(eq(users.id, user.id));
    expect(stored!.username).toBe(user.username);
  });

  it("gives each unexpected error its own reference", async () => {
    const config = {
      name: "test.thrown",
      schema,
      authorize: () => true,
      run: async (): Promise<string> => {
        throw new Error("secret internal detail");
      },
    };
    const first = await executeAction(config, { note: "a", points: 1 }, user);
    const second = await executeAction(config, { note: "a", points: 1 }, user);
    expect(first.ok || second.ok).toBe(false);
    if (first.ok || second.ok) return;
    expect(first.error).not.toContain("secret internal detail");
    expect(first.error).not.toBe(second.error);
  });

  it("commits and returns the data on success, then runs after() with it", async () => {
    const seenInAfter: unknown[] = [];
    const result = await executeAction(
      {
        name: "test.success",
        schema,
        authorize: (who, input) => who?.role === "teacher" && input.points <= 10,
        run: async (input, { user: who, tx }) => {
          await writeNote(tx, "test.success", input.note);
          return { note: input.note, by: who.id };
        },
        after: async (data, input, who) => {
          // Runs after the commit: the row is visible outside the transaction.
          seenInAfter.push(data, input, who.id, (await auditRowsFor("test.success")).length);
        },
      },
      { note: "  trimmed  ", points: 3 },
      user,
    );
    expect(result).toEqual({ ok: true, data: { note: "trimmed", by: user.id } });
    expect(seenInAfter).toEqual([{ note: "trimmed", by: user.id }, { note: "trimmed", points: 3 }, user.id, 1]);
    const rows = await auditRowsFor("test.success");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: user.id, after: { note: "trimmed" } });
  });

  it("runs without a transaction when asked, so work that opens its own can", async () => {
    const result = await executeAction(
      {
        name: "test.noTransaction",
        schema,
        transaction: false,
        authorize: () => true,
        run: async (input, { tx }) => {
          // `tx` is the database itself here: opening a transaction on it must not deadlock.
          return testDb().transaction(async (inner) => {
            await writeNote(inner, "test.own_transaction", input.note);
            return (tx as unknown) === (inner as unknown);
          });
        },
      },
      { note: "own", points: 0 },
      user,
    );
    expect(result).toEqual({ ok: true, data: false });
    expect(await auditRowsFor("test.own_transaction")).toHaveLength(1);
  });

  it("lets Next.js control flow (redirect) through instead of reporting an error", async () => {
    const attempt = executeAction(
      {
        name: "test.redirect",
        schema,
        authorize: () => true,
        run: async (): Promise<string> => redirect("/elsewhere"),
      },
      { note: "go", points: 0 },
      user,
    );
    await expect(attempt).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/elsewhere/) });
    expect(logs.at("error")).toEqual([]);
  });
});

describe("userAction and publicAction", () => {
  const config = {
    name: "test.wrapped",
    schema,
    authorize: () => true,
    run: async (input: z.output<typeof schema>) => input.points * 2,
  };

  it("a user action answers a guest that its session has ended, without running", async () => {
    vi.mocked(getCurrentUser).mockResolvedValueOnce(null);
    const run = vi.fn(config.run);
    expect(await userAction({ ...config, run })({ note: "x", points: 2 })).toEqual({
      ok: false,
      error: "Your session has ended. Sign in again.",
      fieldErrors: {},
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("a user action runs for the current user", async () => {
    vi.mocked(getCurrentUser).mockResolvedValueOnce(user);
    const authorize = vi.fn((who: CurrentUser) => who.id === user.id);
    expect(await userAction({ ...config, authorize })({ note: "x", points: 2 })).toEqual({ ok: true, data: 4 });
    expect(authorize).toHaveBeenCalledTimes(1);
  });

  it("a public action runs for a guest", async () => {
    vi.mocked(getCurrentUser).mockResolvedValueOnce(null);
    expect(await publicAction(config)({ note: "x", points: 5 })).toEqual({ ok: true, data: 10 });
  });
});
