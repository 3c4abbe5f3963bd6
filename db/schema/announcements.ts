import { index, pgTable, text, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { courses } from "./courses";
import { users } from "./users";

// A message from a course's teacher (or an admin) to all its students. The
// body is Markdown, rendered sanitised; posting one publishes an event and the
// worker tells the students, so the teacher never waits for the fan-out.
export const announcements = pgTable(
  "announcements",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    title: varchar({ length: 200 }).notNull(),
    body: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("announcements_course_created_idx").on(t.courseId, t.createdAt.desc()),
    index("announcements_author_id_idx").on(t.authorId),
  ],
);

export type Announcement = typeof announcements.$inferSelect;
