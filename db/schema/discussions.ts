import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { courses } from "./courses";
import { lessons } from "./lessons";
import { courseSections } from "./sections";
import { users } from "./users";

// Threads in a course, optionally about one lesson. Pinned threads come first,
// then the most recently active: `lastActivityAt` and `postCount` are kept on
// the thread (updated in the same transaction as the post) so the list is one
// indexed read, not an aggregate over every post.
export const discussionThreads = pgTable(
  "discussion_threads",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    lessonId: uuid().references(() => lessons.id, { onDelete: "set null" }),
    // A thread of one section: read and answered by that section's students and
    // teachers, the course's teacher and admins. Null: the whole course's.
    sectionId: uuid().references(() => courseSections.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    title: varchar({ length: 200 }).notNull(),
    pinned: boolean().notNull().default(false),
    locked: boolean().notNull().default(false),
    /** Set when the teacher or an admin removes the whole thread; it is then hidden from the list. */
    removedAt: timestamp({ withTimezone: true }),
    postCount: integer().notNull().default(0),
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    index("discussion_threads_list_idx")
      .on(t.courseId, t.pinned.desc(), t.lastActivityAt.desc(), t.id.desc())
      .where(sql`${t.removedAt} IS NULL`),
    index("discussion_threads_lesson_id_idx").on(t.lessonId),
    index("discussion_threads_section_id_idx").on(t.sectionId),
    index("discussion_threads_author_id_idx").on(t.authorId),
  ],
);

// A post in a thread; the thread's opening text is its first post. Deleting
// one's own post, or a moderator removing it, keeps the row (so replies keep
// their place) and blanks what is shown: "post removed".
export const discussionPosts = pgTable(
  "discussion_posts",
  {
    id: uuid().primaryKey().defaultRandom(),
    threadId: uuid()
      .notNull()
      .references(() => discussionThreads.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    editedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    /** Who deleted it: the author, or the moderator who removed it. */
    deletedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("discussion_posts_thread_created_idx").on(t.threadId, t.createdAt, t.id),
    index("discussion_posts_author_id_idx").on(t.authorId),
  ],
);

// Who hears about new replies in a thread. Authors follow their own threads;
// anyone who may read a thread can follow or unfollow it.
export const threadFollows = pgTable(
  "thread_follows",
  {
    threadId: uuid()
      .notNull()
      .references(() => discussionThreads.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] }), index("thread_follows_user_id_idx").on(t.userId)],
);

export type DiscussionThread = typeof discussionThreads.$inferSelect;
export type DiscussionPost = typeof discussionPosts.$inferSelect;
