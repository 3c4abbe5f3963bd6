import { z } from "zod";
import { multiLineText, oneLineText } from "@/lib/text/one-line";

// Shared by the course editor's form (react-hook-form resolver) and its server
// actions, so the browser and the server apply the same rules.

export const courseVisibilities = ["public", "private"] as const;
export type Visibility = (typeof courseVisibilities)[number];

/** What a student's course progress counts: every item (the default), or only the items released to that student. */
export const progressScopes = ["all", "released"] as const;
export type ProgressScopeChoice = (typeof progressScopes)[number];

export const courseLimits = {
  title: 200,
  description: 20_000,
  learningObjectives: 5_000,
  prerequisites: 5_000,
  subjectMin: 2,
  subjectMax: 60,
  keyMin: 4,
  keyMax: 100,
} as const;

// A key is one line: control characters (NUL above all, which PostgreSQL
// refuses in text) would otherwise reach the database as an error.
const oneLine = /^[^\u0000-\u001f\u007f]*$/;

// Markdown keeps its tabs and line breaks; NUL and other controls cannot be stored.
const markdown = (max: number, label: string) => multiLineText().max(max, `${label} has at most ${max.toLocaleString("en")} characters.`);

const fields = {
  title: oneLineText()
    .min(1, "Give the course a title.")
    .max(courseLimits.title, `A title has at most ${courseLimits.title} characters.`),
  description: markdown(courseLimits.description, "The description"),
  learningObjectives: markdown(courseLimits.learningObjectives, "The learning objectives"),
  prerequisites: markdown(courseLimits.prerequisites, "The prerequisites"),
  subject: z
    .string()
    .max(1000, `A subject has at most ${courseLimits.subjectMax} characters.`)
    .trim()
    .toLowerCase()
    .overwrite((value) => value.replace(/\s+/g, " "))
    .min(courseLimits.subjectMin, "Name the subject, like “physics” or “mathematics”.")
    .max(courseLimits.subjectMax, `A subject has at most ${courseLimits.subjectMax} characters.`)
    // Empty passes here: it is told to name the subject above, not given the character rules.
    .regex(
      /^(?:[a-z][a-z0-9 &-]*)?$/,
      "Start the subject with a letter, then use letters, digits, spaces, “&” or “-”, like “computer science”.",
    ),
  visibility: z.enum(courseVisibilities, "Choose who can find the course."),
  // Left out (undefined): kept as it is, or "all" for a new course.
  progressScope: z.enum(progressScopes, "Choose what course progress counts.").optional(),
  // Checked below, and only for a private course: a key typed and then hidden
  // by switching to public must not block saving.
  enrollmentKey: z
    .string()
    .max(1000, `An enrolment key has at most ${courseLimits.keyMax} characters.`)
    .nullish()
    .transform((value) => value?.trim() ?? ""),
};

type CourseFields = z.infer<z.ZodObject<typeof fields>>;

function requireKeyWhenPrivate(value: Pick<CourseFields, "visibility" | "enrollmentKey">, ctx: z.RefinementCtx) {
  if (value.visibility !== "private") return;
  const key = value.enrollmentKey;
  const message =
    key === ""
      ? "A private course needs an enrolment key: students type it to join."
      : key.length < courseLimits.keyMin
        ? `An enrolment key has at least ${courseLimits.keyMin} characters.`
        : key.length > courseLimits.keyMax
          ? `An enrolment key has at most ${courseLimits.keyMax} characters.`
          : !oneLine.test(key)
            ? "An enrolment key is one line of text."
            : null;
  if (message) ctx.addIssue({ code: "custom", path: ["enrollmentKey"], message });
}

// A public course has no key: whatever was typed is dropped, never stored.
const storedKey = <T extends Pick<CourseFields, "visibility" | "enrollmentKey">>(value: T) => ({
  ...value,
  enrollmentKey: value.visibility === "private" ? value.enrollmentKey : null,
});

/** The course's own fields, as the editor's form and the create action take them. */
export const courseSchema = z.object(fields).superRefine(requireKeyWhenPrivate).transform(storedKey);

/** The same fields with the course they change, for the update action. */
export const updateCourseSchema = z
  .object({ courseId: z.uuid("This course does not exist."), ...fields })
  .superRefine(requireKeyWhenPrivate)
  .transform(storedKey);

/** Status changes and deletion name only the course. */
export const courseIdSchema = z.object({ courseId: z.uuid("This course does not exist.") });

export type CourseInput = z.input<typeof courseSchema>;
export type CourseValues = z.output<typeof courseSchema>;
