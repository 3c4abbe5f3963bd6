// The demo site's pacing: a module of Cell Biology that opens once the first
// one is done or two weeks after a student enrols (so a newer demo student
// sees it locked, with both reasons), and a term's calendar for Mechanics.
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courseEvents, modules } from "@/db/schema";
import { addDays, instantOf, isoDayIn, parseIsoDay, weekdayOf } from "@/lib/calendar/time-zone";
import type { ReleaseRule } from "@/lib/pacing/release-rule";

export const demoEventZone = "Asia/Kolkata";

/** Module `position` of a course opens when module 0 is done, or 14 days after enrolment. */
export async function seedDemoReleaseRule(tx: DbOrTx, courseId: string, position: number) {
  const rows = await tx.select({ id: modules.id, position: modules.position }).from(modules).where(eq(modules.courseId, courseId));
  const first = rows.find((row) => row.position === 0);
  const target = rows.find((row) => row.position === position);
  if (!first || !target) return;
  const rule: ReleaseRule = {
    match: "any",
    conditions: [
      { kind: "completed", item: { kind: "module", id: first.id } },
      { kind: "enrolment_days", days: 14 },
    ],
  };
  await tx.update(modules).set({ releaseRule: rule }).where(and(eq(modules.id, target.id), eq(modules.courseId, courseId)));
}

const at = (day: string, hour: number, minute: number) => instantOf({ ...parseIsoDay(day)!, hour, minute }, demoEventZone);

/** A weekly problem class on Tuesdays at 16:00 for ten weeks, and a test three weeks on. */
export async function seedDemoEvents(tx: DbOrTx, courseId: string, teacherId: string, now = new Date()) {
  const today = isoDayIn(now, demoEventZone);
  // weekdayOf: 0 is Monday; the next Tuesday after today.
  const tuesday = addDays(today, ((1 - weekdayOf(today) + 7) % 7) || 7);
  const testDay = addDays(tuesday, 16);
  await tx.insert(courseEvents).values([
    {
      courseId,
      title: "Problem class",
      description: "Bring the week's **practice problems**; we work through them together.",
      location: "Room 12",
      startsAt: at(tuesday, 16, 0),
      endsAt: at(tuesday, 17, 0),
      timeZone: demoEventZone,
      recurrence: "weekly",
      recurrenceInterval: 1,
      recurrenceCount: 10,
      createdById: teacherId,
    },
    {
      courseId,
      title: "Test: Newton's laws",
      description: "Forty minutes, calculators allowed. Covers modules 1 and 2.",
      location: "Hall B",
      startsAt: at(testDay, 10, 0),
      endsAt: at(testDay, 10, 40),
      timeZone: demoEventZone,
      createdById: teacherId,
    },
  ]);
}
