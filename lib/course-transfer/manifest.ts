import { z } from "zod";
import { maxConditionsPerRule, maxEnrolmentDays, releaseItemKinds } from "@/lib/pacing/release-rule";
import { isTimeZone, normalizeTimeZone } from "@/lib/calendar/time-zone";

// A course as one portable document: what a course copy reads and writes, what
// a course backup archive carries as `course.json`, and what a Common Cartridge
// import is turned into before it is saved. The same writer saves all three, so
// a copy, a restore and an import can never disagree about what a course is.
//
// Ids inside the document are its own (a backup keeps the source site's UUIDs,
// a cartridge its identifiers); they only tie records together and are all
// replaced by new ones when the course is written. Text that shows a file of the
// course (a lesson's image, a question's picture) says `jeevi-file:<file id>`,
// and a link to another lesson `jeevi-lesson:<lesson id>`; the writer turns them
// into the addresses the new copies are served at.
// docs/course-transfer.md documents the format for people writing their own.

/** Bumped when a reader of the previous version could misread a document; a restore refuses newer ones. */
export const courseManifestVersion = 1;
export const courseManifestFormat = "jeevi-academy-course";
/** The document's name inside a backup archive. */
export const courseManifestEntry = "course.json";
/** Where a backup archive keeps a file: `files/<file id>`. */
export const archiveFilePath = (fileId: string) => `files/${fileId}`;

/** How text refers to a file of the course: `jeevi-file:<file id>`. */
export const fileReference = (fileId: string) => `jeevi-file:${fileId}`;
export const fileReferencePattern = /jeevi-file:([A-Za-z0-9._-]{1,100})/g;
/** How text links to another lesson of the course: `jeevi-lesson:<lesson id>`; written as the lesson's address. */
export const lessonReference = (lessonId: string) => `jeevi-lesson:${lessonId}`;
export const lessonReferencePattern = /jeevi-lesson:([A-Za-z0-9._-]{1,100})/g;

const id = z.string().min(1).max(100).regex(/^[A-Za-z0-9._-]+$/, "Ids are letters, digits, dots, dashes and underscores.");
const title = z.string().min(1).max(200);
const markdown = z.string().max(200_000);
const instant = z.iso.datetime({ offset: true });
const position = z.number().int().min(0).max(100_000);

/**
 * When a module, lesson or task opens (lib/pacing/release-rule.ts), with the
 * document's ids: every item a condition names must be in the document. A
 * copy moves `date` conditions by its offset, like due dates.
 */
export const manifestReleaseRuleSchema = z.object({
  match: z.enum(["all", "any"]),
  conditions: z
    .array(
      z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("date"), opensAt: instant }),
        z.object({ kind: z.literal("enrolment_days"), days: z.number().int().min(0).max(maxEnrolmentDays) }),
        z.object({ kind: z.literal("completed"), item: z.object({ kind: z.enum(releaseItemKinds), id }) }),
        z.object({ kind: z.literal("score"), taskId: id, minPercent: z.number().min(0).max(100) }),
      ]),
    )
    .min(1)
    .max(maxConditionsPerRule),
});
/** Left out (documents of the first format, cartridges): always open. */
const releaseRule = manifestReleaseRuleSchema.nullable().optional();

export const manifestFileSchema = z.object({
  id,
  /** The name the file was uploaded with; shown on downloads. */
  name: z.string().min(1).max(255),
  mimeType: z.string().max(100).optional(),
  sizeBytes: z.number().int().nonnegative().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /**
   * What the file is for, which decides who may see it: `lesson` (a file or
   * video lesson's own), `content` (shown or linked from a lesson's text),
   * `question` (a question's picture), `submission` (a student's hand-in).
   */
  role: z.enum(["lesson", "content", "question", "submission"]),
});

export const manifestModuleSchema = z.object({
  id,
  title,
  description: markdown.default(""),
  position,
  releaseRule,
});

export const manifestLessonSchema = z.object({
  id,
  moduleId: id,
  title,
  contentType: z.enum(["text", "video", "file", "url"]),
  body: markdown.default(""),
  externalUrl: z.string().max(2000).nullable().default(null),
  fileId: id.nullable().default(null),
  durationMinutes: z.number().int().min(0).max(100_000).nullable().default(null),
  position,
  releaseRule,
});

export const manifestCategorySchema = z.object({
  id,
  parentId: id.nullable().default(null),
  name: z.string().min(1).max(120),
});

export const manifestChoiceSchema = z.object({
  id,
  text: z.string().max(500),
  isCorrect: z.boolean(),
  weight: z.number().min(-100).max(100).nullable().default(null),
  feedback: z.string().max(10_000).default(""),
  position,
});

export const manifestQuestionVersionSchema = z.object({
  id,
  version: z.number().int().positive().max(10_000),
  isCurrent: z.boolean(),
  type: z.enum(["single_choice", "multiple_choice", "true_false", "short_answer", "numeric", "matching", "ordering", "cloze", "essay"]),
  name: z.string().max(200).default(""),
  text: z.string().min(1).max(50_000),
  points: z.number().int().positive().max(1000),
  explanation: z.string().max(50_000).default(""),
  acceptedAnswers: z.array(z.string().max(200)).max(100).default([]),
  numericValue: z.number().nullable().default(null),
  numericTolerance: z.number().nonnegative().default(0),
  /** A matching, ordering, cloze or essay question's content, or weighted answers (lib/quizzes/question-data.ts). */
  data: z.record(z.string(), z.unknown()).nullable().default(null),
  choices: z.array(manifestChoiceSchema).max(100).default([]),
});

export const manifestQuestionSchema = z.object({
  id,
  categoryId: id.nullable().default(null),
  tags: z.array(z.string().min(1).max(60)).max(50).default([]),
  /** Deleted from the bank but kept for the attempts that show it (backups with work only). */
  deleted: z.boolean().default(false),
  versions: z.array(manifestQuestionVersionSchema).min(1).max(1000),
});

export const manifestSlotSchema = z.object({
  position,
  /** A chosen question (a bank question's id), or a random draw from a category (and tag). */
  questionId: id.nullable().default(null),
  categoryId: id.nullable().default(null),
  includeSubcategories: z.boolean().default(false),
  tag: z.string().max(60).nullable().default(null),
  drawCount: z.number().int().min(1).max(100).default(1),
  points: z.number().int().min(1).max(1000).nullable().default(null),
});

export const manifestQuizSchema = z.object({
  timeLimitMinutes: z.number().int().min(1).max(1440).nullable().default(null),
  attemptsAllowed: z.number().int().min(1).max(100).nullable().default(1),
  gradingMethod: z.enum(["highest", "latest", "average"]).default("highest"),
  shuffleQuestions: z.boolean().default(false),
  shuffleChoices: z.boolean().default(false),
  partialCredit: z.boolean().default(false),
  reviewPolicy: z.enum(["never", "after_submit", "after_due"]).default("after_submit"),
  slots: z.array(manifestSlotSchema).max(1000).default([]),
});

export const manifestAssignmentSchema = z.object({
  instructions: markdown.default(""),
  allowedFileTypes: z.array(z.string().min(1).max(10)).max(50).default([]),
  maxFileSizeMb: z.number().int().min(1).max(2047).default(10),
  maxFiles: z.number().int().min(0).max(20).default(1),
  textEntry: z.boolean().default(false),
  acceptLate: z.boolean().default(false),
  latePenaltyType: z.enum(["none", "percent_per_day", "flat"]).default("none"),
  latePenaltyPercent: z.number().min(0).max(100).default(0),
});

export const manifestTaskSchema = z.object({
  id,
  moduleId: id.nullable().default(null),
  type: z.enum(["quiz", "assignment", "project", "discussion"]),
  title,
  description: markdown.default(""),
  status: z.enum(["draft", "published", "archived"]).default("draft"),
  dueAt: instant.nullable().default(null),
  maxPoints: z.number().int().positive().max(100_000).nullable().default(null),
  position,
  quiz: manifestQuizSchema.nullable().default(null),
  assignment: manifestAssignmentSchema.nullable().default(null),
  releaseRule,
});

export const manifestPostSchema = z.object({
  /** The user who wrote it (backups with work); a cartridge's topic text has none and is posted by the importer. */
  authorId: id.nullable().default(null),
  body: z.string().min(1).max(50_000),
  createdAt: instant.nullable().default(null),
});

export const manifestThreadSchema = z.object({
  id,
  lessonId: id.nullable().default(null),
  title,
  pinned: z.boolean().default(false),
  locked: z.boolean().default(false),
  /** The opening post first. */
  posts: z.array(manifestPostSchema).min(1).max(10_000),
});

export const manifestAnnouncementSchema = z.object({
  /** The teacher or admin who posted it (backups with work); the importer when unknown here. */
  authorId: id.nullable().default(null),
  title,
  body: z.string().min(1).max(50_000),
  createdAt: instant,
});

/** An event of the course's calendar (a class, an exam); a copy moves it by its offset, its repetition kept. */
export const manifestEventSchema = z.object({
  title,
  description: markdown.default(""),
  location: z.string().max(200).default(""),
  startsAt: instant,
  endsAt: instant,
  allDay: z.boolean().default(false),
  /** The IANA zone a repeating event keeps its wall-clock time in. */
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, "Name an IANA time zone, like Europe/Berlin.")
    // Stored as the calendar stores a zone it accepts (" utc" is "UTC"), so Intl reads it back.
    .overwrite((zone) => normalizeTimeZone(zone) ?? zone)
    .default("UTC"),
  recurrence: z.enum(["daily", "weekly", "monthly"]).nullable().default(null),
  recurrenceInterval: z.number().int().min(1).max(365).default(1),
  recurrenceUntil: instant.nullable().default(null),
  recurrenceCount: z.number().int().min(1).max(1000).nullable().default(null),
});

// Enrolments and work: only in a backup made "with enrolments and work", for
// archiving. Users are matched by email on restore; work of someone the site
// does not know is left out and said so.
export const manifestUserSchema = z.object({
  id,
  email: z.string().min(3).max(320),
  username: z.string().min(1).max(150),
  displayName: z.string().max(200).nullable().default(null),
});

export const manifestWorkSchema = z.object({
  users: z.array(manifestUserSchema).max(100_000),
  enrollments: z
    .array(
      z.object({
        userId: id,
        status: z.enum(["active", "completed", "dropped", "suspended"]),
        enrolledAt: instant,
        completedAt: instant.nullable().default(null),
        progressPercent: z.number().min(0).max(100),
        lastActivityAt: instant,
      }),
    )
    .max(100_000),
  lessonCompletions: z.array(z.object({ userId: id, lessonId: id, completedAt: instant })).max(10_000_000),
  taskProgress: z
    .array(
      z.object({
        userId: id,
        taskId: id,
        status: z.enum(["not_started", "in_progress", "submitted", "completed", "graded"]),
        pointsEarned: z.number().nonnegative().nullable(),
        startedAt: instant.nullable(),
        completedAt: instant.nullable(),
      }),
    )
    .max(10_000_000),
  submissions: z
    .array(
      z.object({
        userId: id,
        taskId: id,
        version: z.number().int().positive(),
        isCurrent: z.boolean(),
        text: z.string().max(1_000_000),
        submittedAt: instant,
        isLate: z.boolean(),
        daysLate: z.number().int().nonnegative(),
        gradeStatus: z.enum(["ungraded", "draft", "released", "returned"]),
        rawPoints: z.number().nonnegative().nullable(),
        penaltyPercent: z.number().min(0).max(100).nullable(),
        points: z.number().nonnegative().nullable(),
        feedback: z.string().max(200_000),
        gradedAt: instant.nullable(),
        releasedAt: instant.nullable(),
        fileIds: z.array(id).max(20),
      }),
    )
    .max(10_000_000),
  attempts: z
    .array(
      z.object({
        userId: id,
        taskId: id,
        attemptNumber: z.number().int().positive(),
        status: z.enum(["in_progress", "submitted", "expired"]),
        startedAt: instant,
        deadlineAt: instant.nullable(),
        submittedAt: instant.nullable(),
        scorePoints: z.number().nullable(),
        maxPoints: z.number().int().nullable(),
        scorePercent: z.number().min(0).max(100).nullable(),
        /** Question version ids, in the order the student saw them. */
        questionOrder: z.array(id).max(1000),
        choiceOrder: z.record(z.string(), z.array(z.string())),
        questionPoints: z.record(z.string(), z.number()),
        gradingPending: z.boolean(),
        answers: z
          .array(
            z.object({
              questionId: id,
              response: z.record(z.string(), z.unknown()),
              savedAt: instant,
              isCorrect: z.boolean().nullable(),
              pointsAwarded: z.number().nullable(),
              manualPoints: z.number().nullable(),
              graderComment: z.string().max(200_000),
              gradedAt: instant.nullable(),
            }),
          )
          .max(1000),
      }),
    )
    .max(10_000_000),
});

export const courseManifestSchema = z.object({
  format: z.literal(courseManifestFormat),
  schemaVersion: z.number().int().positive(),
  exportedAt: instant,
  /** Where it came from, for the audit log and the import report; never trusted. */
  source: z.object({ site: z.string().max(500), courseId: z.string().max(100).nullable(), tool: z.string().max(200) }),
  course: z.object({
    title,
    description: markdown.default(""),
    learningObjectives: markdown.default(""),
    prerequisites: markdown.default(""),
    subject: z.string().min(1).max(60),
    visibility: z.enum(["public", "private"]).default("public"),
    /** What a student's progress counts: every item, or only those released to the student. */
    progressScope: z.enum(["all", "released"]).default("all"),
  }),
  files: z.array(manifestFileSchema).max(100_000).default([]),
  modules: z.array(manifestModuleSchema).max(10_000).default([]),
  lessons: z.array(manifestLessonSchema).max(100_000).default([]),
  questionCategories: z.array(manifestCategorySchema).max(10_000).default([]),
  questions: z.array(manifestQuestionSchema).max(100_000).default([]),
  tasks: z.array(manifestTaskSchema).max(10_000).default([]),
  discussions: z.array(manifestThreadSchema).max(10_000).default([]),
  /** What the course's students were told (backups with work, for the archive). */
  announcements: z.array(manifestAnnouncementSchema).max(10_000).default([]),
  /** The course's calendar events (added after the first documents: older ones have none). */
  events: z.array(manifestEventSchema).max(10_000).default([]),
  work: manifestWorkSchema.nullable().default(null),
});

export type CourseManifest = z.infer<typeof courseManifestSchema>;
export type ManifestInput = z.input<typeof courseManifestSchema>;
export type ManifestFile = z.infer<typeof manifestFileSchema>;
export type ManifestModule = z.infer<typeof manifestModuleSchema>;
export type ManifestLesson = z.infer<typeof manifestLessonSchema>;
export type ManifestCategory = z.infer<typeof manifestCategorySchema>;
export type ManifestQuestion = z.infer<typeof manifestQuestionSchema>;
export type ManifestQuestionVersion = z.infer<typeof manifestQuestionVersionSchema>;
export type ManifestTask = z.infer<typeof manifestTaskSchema>;
export type ManifestThread = z.infer<typeof manifestThreadSchema>;
export type ManifestWork = z.infer<typeof manifestWorkSchema>;
export type ManifestAnnouncement = z.infer<typeof manifestAnnouncementSchema>;
export type ManifestReleaseRule = z.infer<typeof manifestReleaseRuleSchema>;
export type ManifestEvent = z.infer<typeof manifestEventSchema>;

/**
 * Something a course import could not carry over as it was: listed in the
 * import report, never dropped without a word. `where` names the part of the
 * source it is about (a cartridge's resource, a manifest record).
 */
export interface TransferNote {
  where: string;
  message: string;
}
