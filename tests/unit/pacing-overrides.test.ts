import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/actions/action";
import { overrideBodySchema, overrideFormSchema, overrideMessages, saveOverrideSchema } from "@/lib/pacing/override-schemas";
import { studentLimits } from "@/lib/pacing/task-overrides";

const taskId = "00000000-0000-4000-8000-000000000001";
const userId = "00000000-0000-4000-8000-000000000002";

describe("studentLimits", () => {
  const task = { dueAt: new Date("2026-12-10T18:00:00Z"), timeLimitMinutes: 30, attemptsAllowed: 2 };

  it("keeps the task's limits without an override", () => {
    expect(studentLimits(task, null)).toEqual({ ...task, dueAtOverridden: false, timeLimitOverridden: false, attemptsOverridden: false });
    expect(studentLimits(task, undefined)).toEqual({ ...task, dueAtOverridden: false, timeLimitOverridden: false, attemptsOverridden: false });
  });

  it("replaces only the fields the override sets, and says which", () => {
    const own = new Date("2026-12-12T18:00:00Z");
    expect(studentLimits(task, { dueAt: own, timeLimitMinutes: null, attemptsAllowed: null })).toEqual({
      dueAt: own,
      timeLimitMinutes: 30,
      attemptsAllowed: 2,
      dueAtOverridden: true,
      timeLimitOverridden: false,
      attemptsOverridden: false,
    });
    expect(studentLimits(task, { dueAt: null, timeLimitMinutes: 90, attemptsAllowed: 5 })).toEqual({
      dueAt: task.dueAt,
      timeLimitMinutes: 90,
      attemptsAllowed: 5,
      dueAtOverridden: false,
      timeLimitOverridden: true,
      attemptsOverridden: true,
    });
  });

  it("gives a due date to a task without one", () => {
    const own = new Date("2026-12-12T18:00:00Z");
    const limits = studentLimits({ dueAt: null, timeLimitMinutes: null, attemptsAllowed: null }, { dueAt: own, timeLimitMinutes: null, attemptsAllowed: 1 });
    expect(limits).toMatchObject({ dueAt: own, timeLimitMinutes: null, attemptsAllowed: 1, dueAtOverridden: true, attemptsOverridden: true });
  });
});

describe("override schemas", () => {
  const parse = (input: unknown) => saveOverrideSchema.safeParse(input);
  const errorsOf = (input: unknown) => {
    const result = parse(input);
    return result.success ? {} : fieldErrorsOf(result.error);
  };

  it("reads ISO text with an offset, a Date, numbers and numeric text", () => {
    const result = parse({ taskId, userId, dueAt: "2026-12-10T18:00:00+01:00", timeLimitMinutes: "45", attemptsAllowed: 3 });
    expect(result.success && result.data).toEqual({
      taskId,
      userId,
      dueAt: new Date("2026-12-10T17:00:00Z"),
      timeLimitMinutes: 45,
      attemptsAllowed: 3,
    });
    const date = new Date("2027-01-01T00:00:00Z");
    expect(parse({ taskId, userId, dueAt: date }).success && parse({ taskId, userId, dueAt: date }).data).toMatchObject({ dueAt: date, timeLimitMinutes: null });
  });

  it("reads empty fields as none, and refuses an override that sets nothing", () => {
    expect(errorsOf({ taskId, userId, dueAt: "", timeLimitMinutes: "", attemptsAllowed: null })).toEqual({ dueAt: [overrideMessages.nothing] });
    expect(errorsOf({ taskId, userId })).toEqual({ dueAt: [overrideMessages.nothing] });
  });

  it.each([
    [{ dueAt: "tomorrow" }, "dueAt", overrideMessages.dueAt],
    [{ dueAt: "2026-12-10T18:00" }, "dueAt", overrideMessages.dueAt],
    [{ dueAt: 1_800_000_000_000 }, "dueAt", overrideMessages.dueAt],
    [{ timeLimitMinutes: 0 }, "timeLimitMinutes", overrideMessages.timeLimit],
    [{ timeLimitMinutes: 1441 }, "timeLimitMinutes", overrideMessages.timeLimit],
    [{ timeLimitMinutes: 2.5 }, "timeLimitMinutes", overrideMessages.timeLimit],
    [{ timeLimitMinutes: "ten" }, "timeLimitMinutes", overrideMessages.timeLimit],
    [{ attemptsAllowed: 0 }, "attemptsAllowed", overrideMessages.attempts],
    [{ attemptsAllowed: 101 }, "attemptsAllowed", overrideMessages.attempts],
    [{ attemptsAllowed: true }, "attemptsAllowed", overrideMessages.attempts],
  ])("refuses %o next to %s", (fields, field, message) => {
    expect(errorsOf({ taskId, userId, attemptsAllowed: 1, ...fields })[field]).toEqual([message]);
  });

  it("takes the bounds themselves", () => {
    expect(parse({ taskId, userId, timeLimitMinutes: 1, attemptsAllowed: 100 }).success).toBe(true);
    expect(parse({ taskId, userId, timeLimitMinutes: 1440, attemptsAllowed: 1 }).success).toBe(true);
  });

  it("refuses ids that are not UUIDs", () => {
    const errors = errorsOf({ taskId: "x", userId: "y", attemptsAllowed: 1 });
    expect(Object.keys(errors).sort()).toEqual(["taskId", "userId"]);
  });

  it("the REST body refuses unknown fields", () => {
    expect(overrideBodySchema.safeParse({ attemptsAllowed: 2 }).success).toBe(true);
    expect(overrideBodySchema.safeParse({ attemptsAllowed: 2, userId }).success).toBe(false);
  });

  it("the form reads the date in the teacher's time zone", () => {
    const form = overrideFormSchema("Europe/Berlin");
    const result = form.safeParse({ userId, dueAt: "2026-12-10T18:00", timeLimitMinutes: "", attemptsAllowed: "" });
    expect(result.success && result.data).toEqual({ userId, dueAt: new Date("2026-12-10T17:00:00Z"), timeLimitMinutes: null, attemptsAllowed: null });
    const bad = form.safeParse({ userId, dueAt: "2026-02-30T10:00", timeLimitMinutes: "", attemptsAllowed: "" });
    expect(bad.success ? {} : fieldErrorsOf(bad.error)).toEqual({ dueAt: ["Enter a valid date and time."] });
  });

  it("the form refuses a time the clocks skip, and reads summer time", () => {
    const form = overrideFormSchema("Europe/Berlin");
    const skipped = form.safeParse({ userId, dueAt: "2026-03-29T02:30", timeLimitMinutes: "", attemptsAllowed: "" });
    expect(skipped.success ? {} : fieldErrorsOf(skipped.error)).toEqual({ dueAt: ["The clocks skip that time in Europe/Berlin: choose another."] });
    const summer = form.safeParse({ userId, dueAt: "2026-07-10T18:00", timeLimitMinutes: "30", attemptsAllowed: "" });
    expect(summer.success && summer.data).toEqual({ userId, dueAt: new Date("2026-07-10T16:00:00Z"), timeLimitMinutes: 30, attemptsAllowed: null });
    const kolkata = overrideFormSchema("Asia/Kolkata").safeParse({ userId, dueAt: "2026-07-10T18:00", timeLimitMinutes: "", attemptsAllowed: "2" });
    expect(kolkata.success && kolkata.data.dueAt).toEqual(new Date("2026-07-10T12:30:00Z"));
  });

  it("the form sets nothing from empty fields and says so", () => {
    const empty = overrideFormSchema("UTC").safeParse({ userId, dueAt: "", timeLimitMinutes: "", attemptsAllowed: "" });
    expect(empty.success ? {} : fieldErrorsOf(empty.error)).toEqual({ dueAt: [overrideMessages.nothing] });
  });
});
