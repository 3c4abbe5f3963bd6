import { eq, like, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { courseSchema, type CourseValues } from "../schemas";
import { firstFreeSlug, slugFromTitle } from "../slug";
import { command } from "@/lib/actions/command";

const slugAttempts = 5;

// A teacher (or an admin) starts a draft course that it teaches.
export const createCourse = command({
  name: "course.create",
  schema: courseSchema,
  authorize: (user) => can(user, "course.create"),
  run: (input, { user, tx }) => insertCourse(tx, user, input),
});

/**
 * Inserts the course under a free slug. Two teachers creating a course with the
 * same title at the same moment may pick the same slug: the insert then does
 * nothing (ON CONFLICT on the unique slug, which leaves the transaction usable)
 * and the next free slug is tried.
 */
export async function insertCourse(tx: DbOrTx, actor: Actor, input: CourseValues) {
  const base = slugFromTitle(input.title);
  for (let attempt = 0; attempt < slugAttempts; attempt++) {
    const taken = await tx
      .select({ slug: courses.slug })
      .from(courses)
      .where(or(eq(courses.slug, base), like(courses.slug, `${base}-%`)));
    const slug = firstFreeSlug(
      base,
      taken.map((row) => row.slug),
    );
    const [created] = await tx
      .insert(courses)
      .values({ ...input, slug, status: "draft", teacherId: actor.id })
      .onConflictDoNothing({ target: courses.slug })
      .returning({ id: courses.id, slug: courses.slug });
    if (created) return created;
  }
  throw new Error(`No free slug for "${base}" after ${slugAttempts} attempts`);
}
