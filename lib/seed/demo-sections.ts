// The demo site's sections: Mechanics is taught to two classes, 10A and 10B,
// with the course's enrolled students split between them, and Daniel Okafor
// (teacher2) teaching 10B alongside the course's own teacher.
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courseSections, enrollments, sectionMembers, sectionTeachers } from "@/db/schema";

export const demoSectionCourseSlug = "mechanics-motion-and-forces";
export const demoSectionTeacherEmail = "teacher2@jeevi.example";

/** Sections 10A and 10B of the course, its enrolled demo students dealt between them in list order, teacher2 on 10B. */
export async function seedDemoSections(tx: DbOrTx, courseId: string, idByEmail: ReadonlyMap<string, string>, studentEmails: readonly string[]) {
  const ids = studentEmails.map((email) => idByEmail.get(email)).filter((id): id is string => id !== undefined);
  // Only students really enrolled in the course may sit in its sections.
  const enrolled = ids.length
    ? new Set(
        (
          await tx
            .select({ userId: enrollments.userId })
            .from(enrollments)
            .where(and(eq(enrollments.courseId, courseId), inArray(enrollments.userId, ids)))
        ).map((row) => row.userId),
      )
    : new Set<string>();
  const students = ids.filter((id) => enrolled.has(id));
  const rows = await tx
    .insert(courseSections)
    .values([
      { courseId, name: "10A", description: "Mornings, room 12" },
      { courseId, name: "10B", description: "Afternoons, room 14" },
    ])
    .onConflictDoNothing()
    .returning({ id: courseSections.id, name: courseSections.name });
  const a = rows.find((row) => row.name === "10A");
  const b = rows.find((row) => row.name === "10B");
  if (!a || !b) return;
  const half = Math.ceil(students.length / 2);
  const members = students.map((userId, index) => ({ sectionId: index < half ? a.id : b.id, userId }));
  if (members.length > 0) await tx.insert(sectionMembers).values(members).onConflictDoNothing();
  const teacherId = idByEmail.get(demoSectionTeacherEmail);
  if (teacherId) await tx.insert(sectionTeachers).values({ sectionId: b.id, userId: teacherId }).onConflictDoNothing();
}
