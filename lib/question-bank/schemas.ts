import { z } from "zod";
import { oneLineText } from "@/lib/text/one-line";
import { checkQuestion, normalizeQuestion, questionShape } from "@/lib/quizzes/authoring/schemas";

// Shared by the question bank's forms and its server actions and API routes.

const courseId = z.uuid("Choose a course.");
const taskId = z.uuid("Choose a quiz.");
const entryId = z.uuid("Choose a question.");

// "" from a select means "no category" (uncategorised, or the whole bank for a random slot).
export const optionalCategoryId = z
  .string()
  .max(100, "Choose a category.")
  .nullish()
  .transform((value) => value || null)
  .pipe(z.uuid("Choose a category.").nullable());

/** One tag: lower case, spaces collapsed, no commas (they separate tags in the form). */
export const tagText = oneLineText()
  .max(60, "A tag has at most 60 characters.")
  .transform((value) => value.trim().replace(/\s+/g, " ").toLowerCase())
  .refine((value) => !value.includes(","), "A tag cannot contain a comma.");

/** The form's comma-separated tags, as a list without blanks or repeats. */
export const tagList = z
  .string()
  .max(1000, "Too many tags.")
  .default("")
  .transform((value) => [...new Set(value.split(",").map((tag) => tag.trim().replace(/\s+/g, " ").toLowerCase()).filter(Boolean))])
  .pipe(z.array(z.string().max(60, "A tag has at most 60 characters.")).max(20, "A question has at most 20 tags."));

const wholeNumber = (min: number, max: number, message: string) =>
  z.preprocess((value) => (value === "" || value === null || value === undefined ? NaN : Number(value)), z.number(message).int(message).min(min, message).max(max, message));

export const randomSlotShape = {
  categoryId: optionalCategoryId,
  includeSubcategories: z.boolean().default(true),
  tag: z
    .string()
    .max(100, "A tag has at most 60 characters.")
    .nullish()
    .transform((value) => value?.trim() || null)
    .pipe(tagText.nullable()),
  drawCount: wholeNumber(1, 100, "Draw from 1 to 100 questions."),
  points: wholeNumber(1, 1000, "Enter the points of each question as a whole number from 1 to 1000."),
};

export const randomSlotFormSchema = z.object(randomSlotShape);
export const addRandomSlotSchema = z.object({ courseId, taskId, ...randomSlotShape });
export const addBankQuestionsSchema = z.object({
  courseId,
  taskId,
  entryIds: z.array(entryId).min(1, "Choose at least one question.").max(200, "Add at most 200 questions at once."),
});

const categoryName = oneLineText().min(1, "Name the category.").max(120, "A category name has at most 120 characters.");
export const categoryFormSchema = z.object({ name: categoryName, parentId: optionalCategoryId });
export const createCategorySchema = z.object({ courseId, name: categoryName, parentId: optionalCategoryId });
export const updateCategorySchema = z.object({ courseId, categoryId: z.uuid("Choose a category."), name: categoryName, parentId: optionalCategoryId });
export const deleteCategorySchema = z.object({ courseId, categoryId: z.uuid("Choose a category.") });

export const entryRefSchema = z.object({ courseId, entryId });
export const moveQuestionsSchema = z.object({
  courseId,
  entryIds: z.array(entryId).min(1, "Choose at least one question.").max(500, "Move at most 500 questions at once."),
  categoryId: optionalCategoryId,
});

export const bankQuestionMetaShape = {
  name: oneLineText().max(200, "A name has at most 200 characters.").default(""),
  categoryId: optionalCategoryId,
  tags: tagList,
};

/** The bank's question form: the builder's question fields plus a name, a category and tags. */
export const bankQuestionFormSchema = z
  .object({ ...questionShape, ...bankQuestionMetaShape })
  .superRefine(checkQuestion)
  .transform((value) => ({ meta: { name: value.name, categoryId: value.categoryId, tags: value.tags }, question: normalizeQuestion(value) }));

export const saveBankQuestionSchema = z
  .object({
    courseId,
    /** Absent: a new question in the bank. */
    entryId: z
      .string()
      .max(100, "Choose a question.")
      .nullish()
      .transform((value) => value || null)
      .pipe(entryId.nullable()),
    ...questionShape,
    ...bankQuestionMetaShape,
  })
  .superRefine(checkQuestion)
  .transform((value) => ({
    courseId: value.courseId,
    entryId: value.entryId,
    meta: { name: value.name, categoryId: value.categoryId, tags: value.tags },
    question: normalizeQuestion(value),
  }));

/** The question form's fields, in the builder (the meta fields unused) and in the bank. */
export type QuestionFormInput = z.input<typeof bankQuestionFormSchema>;
export type QuestionFormValues = z.output<typeof bankQuestionFormSchema>;
