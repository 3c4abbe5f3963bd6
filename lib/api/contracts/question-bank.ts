import { z } from "zod";
import { questionType, taskStatus } from "@/db/schema/enums";
import { bankUsages } from "@/lib/question-bank/bank-params";
import { bankQuestionFormSchema, categoryFormSchema } from "@/lib/question-bank/schemas";
import { exportFormats, importFormats } from "@/lib/question-formats/formats";
import { clozeDataSchema, essayDataSchema, matchingDataSchema, numericExtrasSchema, orderingDataSchema, shortAnswerExtrasSchema } from "@/lib/quizzes/question-data";
import { importLimits } from "@/lib/question-formats/portable-question";
import { defineContract, idParam, timestampSchema } from "../contract";

// A course's question bank: its questions (current versions, with the right
// answers: the course's teacher and admins only), its categories, and imports
// and exports in GIFT, Aiken, Moodle XML and IMS QTI.

const courseParams = z.object({ courseId: idParam("The course's id.") });
const entryParams = z.object({ courseId: idParam("The course's id."), entryId: idParam("The bank question's id (stable across its versions).") });
const categoryParams = z.object({ courseId: idParam("The course's id."), categoryId: idParam("The category's id.") });

// A form's empty select sends "": the same as leaving the parameter out.
const blankAsAbsent = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema);

const quizUseSchema = z.object({ taskId: z.uuid(), title: z.string(), status: z.enum(taskStatus.enumValues) });

export const bankRowSchema = z.object({
  entryId: z.uuid().describe("The bank question's id: it stays the same across versions."),
  questionId: z.uuid().describe("The current version's id (what an attempt records)."),
  version: z.number().int(),
  type: z.enum(questionType.enumValues),
  name: z.string(),
  text: z.string().describe("The start of the question's Markdown (300 characters at most)."),
  points: z.number().int(),
  categoryId: z.uuid().nullable().describe("Null: uncategorised."),
  tags: z.array(z.string()),
  updatedAt: timestampSchema,
  usedIn: z.array(quizUseSchema).describe("Quizzes that hold it as a chosen question."),
});

export const bankPageSchema = z.object({
  data: z.array(bankRowSchema),
  total: z.number().int().describe("Questions matching the filters, on every page."),
  next: z.string().nullable().describe("The URL of the next page (relative to this server), or null on the last page."),
});

export const bankQuestionSchema = z.object({
  entryId: z.uuid(),
  questionId: z.uuid(),
  version: z.number().int().describe("Editing a question that an attempt was given adds a version; attempts keep theirs."),
  categoryId: z.uuid().nullable(),
  tags: z.array(z.string()),
  type: z.enum(questionType.enumValues),
  name: z.string(),
  text: z.string().describe("Markdown; LaTeX between \\( \\) or $$ $$ is shown as math."),
  points: z.number().int(),
  explanation: z.string(),
  choices: z
    .array(
      z.object({
        id: z.uuid(),
        text: z.string(),
        isCorrect: z.boolean(),
        weight: z.number().nullable().describe("An imported share of the points in percent (-100 to 100); null: by isCorrect."),
        feedback: z.string(),
      }),
    )
    .describe("In order; empty for short answer and numeric."),
  acceptedAnswers: z.array(z.string()),
  numericValue: z.number().nullable(),
  numericTolerance: z.number(),
  data: z
    .discriminatedUnion("kind", [matchingDataSchema, orderingDataSchema, clozeDataSchema, essayDataSchema, shortAnswerExtrasSchema, numericExtrasSchema])
    .nullable()
    .describe(
      "A matching, ordering, cloze or essay question's content with its key: matching `prompts` (each with its `answerId`) and `answers`; " +
        "ordering `items` in the right order; cloze `gaps`, blank n written `[[n]]` in the text; essay `graderInfo`. Ids stay the same across edits. " +
        "A short answer's partly right answers (`partial`: { text, weight 1 to 99 }) or a numeric question's other values (`others`: { value, tolerance, weight 1 to 100 }), " +
        "beside the full-marks `acceptedAnswers` or `numericValue`. Null when the question has none.",
    ),
  usedIn: z.array(quizUseSchema),
});

export const categorySchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  path: z.string().describe("The names from the top, joined with “ / ”."),
  depth: z.number().int(),
  questionCount: z.number().int().describe("Questions filed directly in it."),
});

const bankListQuery = z.object({
  q: z.string().max(200, { error: "Search with at most 200 characters." }).optional().describe("Words in the question's name or text."),
  type: z.enum(questionType.enumValues, { error: "Filter by a question type." }).optional(),
  category: z
    .union([z.literal("none"), z.uuid()], { error: "Give a category's id, or none." })
    .optional()
    .describe("A category's id (its subcategories too unless sub=0), or `none` for uncategorised questions."),
  sub: z.enum(["1", "0"], { error: "sub is 1 or 0." }).optional().describe("0: only the category itself."),
  tag: z.string().max(60, { error: "A tag has at most 60 characters." }).optional(),
  usage: z.enum(bankUsages, { error: "usage is all, used or unused." }).optional().describe("Whether a quiz holds it as a chosen question."),
  page: z.coerce.number({ error: "The page is a whole number." }).int({ error: "The page is a whole number." }).min(1).max(100000).default(1).describe("1-based; 25 questions a page."),
});

// The question form's own schema: the API refuses what the form refuses, with the same messages.
const bankQuestionBody = bankQuestionFormSchema;

export const listBankQuestionsContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}/questions",
  operationId: "listBankQuestions",
  tag: "Question bank",
  summary: "The course's question bank",
  description:
    "The current version of each question of the course's bank, newest first, 25 a page (follow `next`), filtered as on the bank page. " +
    "The course's teacher and admins; for anyone else the course is not found.",
  access: "user",
  params: courseParams,
  query: bankListQuery,
  response: bankPageSchema,
  errors: [404, 422],
});

export const createBankQuestionContract = defineContract({
  method: "POST",
  path: "/api/v1/courses/{courseId}/questions",
  operationId: "createBankQuestion",
  tag: "Question bank",
  summary: "Add a question to the bank",
  description:
    "The same fields as the question form: `type`, `text`, `points`, `explanation`, `choices` ({ text, isCorrect }), `acceptedAnswers` ({ value, weight }: " +
    "marks in percent from 1 to 100, 100 when absent; at least one at 100), `numericValue` and `numericTolerance`, `numericOthers` ({ value, tolerance, weight }, " +
    "other accepted values with their marks); for matching `matchingPairs` ({ prompt, answer }) and `matchingDistractors` ({ text }), for ordering " +
    "`orderingItems` ({ text }) in the right order, for cloze `clozeGaps` ({ kind, points, and `answers` ({ text, weight }), `numbers` ({ value, tolerance, weight }) " +
    "or `options` ({ text, weight }) by kind; blank n is written `[[n]]` in the text), for essay `graderInfo`; " +
    "plus `name`, `categoryId` and `tags` (comma-separated). Answers **201** with the question. " +
    "Send an `Idempotency-Key` so that a retry does not add it twice.",
  access: "user",
  params: courseParams,
  body: bankQuestionBody,
  response: bankQuestionSchema,
  successStatus: 201,
  idempotent: true,
  errors: [400, 404, 409, 413, 415, 422],
});

export const getBankQuestionContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}/questions/{entryId}",
  operationId: "getBankQuestion",
  tag: "Question bank",
  summary: "A bank question with its right answers",
  description: "Its current version, its filing and the quizzes that use it. The course's teacher and admins; others 404.",
  access: "user",
  params: entryParams,
  response: bankQuestionSchema,
  errors: [404],
});

export const updateBankQuestionContract = defineContract({
  method: "PUT",
  path: "/api/v1/courses/{courseId}/questions/{entryId}",
  operationId: "updateBankQuestion",
  tag: "Question bank",
  summary: "Edit a bank question",
  description:
    "The whole question, as for creating (a choice keeps its `id` to stay the same choice; a pair keeps its `promptId` and `answerId`, a distractor, " +
    "an item or a dropdown option its `id`, as `data` gives them; rows without one are new). Once an attempt has been given the question, " +
    "the edit is saved as a new version: those attempts keep showing and grading the version they had until the quiz is re-graded.",
  access: "user",
  params: entryParams,
  body: bankQuestionBody,
  response: bankQuestionSchema,
  errors: [400, 404, 409, 413, 415, 422],
});

export const deleteBankQuestionContract = defineContract({
  method: "DELETE",
  path: "/api/v1/courses/{courseId}/questions/{entryId}",
  operationId: "deleteBankQuestion",
  tag: "Question bank",
  summary: "Delete a bank question",
  description:
    "Refused (409) while a published quiz uses it, naming the quizzes. Draft quizzes lose it. A question attempts were given leaves the bank " +
    "but stays for those attempts (`keptForAttempts`).",
  access: "user",
  params: entryParams,
  response: z.object({ entryId: z.uuid(), keptForAttempts: z.boolean() }),
  errors: [404, 409],
});

export const listCategoriesContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}/question-categories",
  operationId: "listQuestionCategories",
  tag: "Question bank",
  summary: "The bank's categories",
  description: "Every category of the course's bank in tree order (each followed by its subcategories). The course's teacher and admins; others 404.",
  access: "user",
  params: courseParams,
  response: z.object({ data: z.array(categorySchema) }),
  errors: [404],
});


export const createCategoryContract = defineContract({
  method: "POST",
  path: "/api/v1/courses/{courseId}/question-categories",
  operationId: "createQuestionCategory",
  tag: "Question bank",
  summary: "Add a category",
  description: "At the top (`parentId` null) or inside another category. Sibling names are unique, ignoring case (422 otherwise).",
  access: "user",
  params: courseParams,
  body: categoryFormSchema,
  response: categorySchema,
  successStatus: 201,
  idempotent: true,
  errors: [400, 404, 409, 413, 415, 422],
});

export const updateCategoryContract = defineContract({
  method: "PUT",
  path: "/api/v1/courses/{courseId}/question-categories/{categoryId}",
  operationId: "updateQuestionCategory",
  tag: "Question bank",
  summary: "Rename or move a category",
  description: "A new `name` and `parentId`; never inside itself or one of its subcategories (422).",
  access: "user",
  params: categoryParams,
  body: categoryFormSchema,
  response: categorySchema,
  errors: [400, 404, 409, 413, 415, 422],
});

export const deleteCategoryContract = defineContract({
  method: "DELETE",
  path: "/api/v1/courses/{courseId}/question-categories/{categoryId}",
  operationId: "deleteQuestionCategory",
  tag: "Question bank",
  summary: "Delete an empty category",
  description: "Refused (409) while it holds questions or subcategories, or a quiz draws random questions from it.",
  access: "user",
  params: categoryParams,
  response: z.object({ categoryId: z.uuid() }),
  errors: [404, 409],
});

const importedQuestionSchema = z.object({
  number: z.number().int().describe("Its place among the file's questions."),
  title: z.string(),
  type: z.enum(questionType.enumValues),
  points: z.number().int(),
  category: z.array(z.string()).describe("The category path it goes to, below the chosen category."),
  tags: z.array(z.string()),
  notes: z.array(z.string()).describe("What changes on the way in."),
});

export const importQuestionsContract = defineContract({
  method: "POST",
  path: "/api/v1/courses/{courseId}/question-imports",
  operationId: "importQuestions",
  tag: "Question bank",
  summary: "Import questions from a file",
  description:
    "Send the file itself as the body (GIFT or Aiken text, Moodle XML, or an IMS QTI 2.1 / 3.0 item or zip package). " +
    "`mode=preview` (the default) reads it and answers with every question found and every part that could not be read, saving nothing; " +
    "`mode=save` reads it again and saves all of its readable questions at once, or nothing (no question readable: 409). " +
    "Categories named in the file are made below `categoryId`. Zip packages are checked for size, entry count, paths and zip bombs; " +
    "XML with a document type (external entities) is refused.",
  access: "user",
  params: courseParams,
  query: z.object({
    format: z.enum(importFormats, { error: "Choose gift, aiken, moodle_xml or qti." }),
    categoryId: blankAsAbsent(z.uuid({ error: "Give a category's id." }).optional()).describe("Where the questions go; the bank's top when absent."),
    mode: z.enum(["preview", "save"], { error: "mode is preview or save." }).default("preview"),
    fileName: z.string().max(255).optional().describe("The file's name, for the audit log and to tell a zip package from an XML file."),
  }),
  upload: {
    contentTypes: ["application/octet-stream", "text/plain", "application/xml", "text/xml", "application/zip"],
    maxBytes: importLimits.fileBytes,
    description: `The file, at most ${importLimits.fileBytes / (1024 * 1024)} MB.`,
  },
  response: z.object({
    saved: z.boolean(),
    questions: z.array(importedQuestionSchema),
    problems: z.array(z.object({ line: z.number().int().nullable(), file: z.string().optional(), message: z.string() })),
    imported: z.number().int().describe("Questions saved (0 for a preview)."),
  }),
  errors: [404, 409, 413, 422],
});

export const exportQuestionsContract = defineContract({
  method: "GET",
  path: "/api/v1/courses/{courseId}/question-export",
  operationId: "exportQuestions",
  tag: "Question bank",
  summary: "Export questions to a file",
  description:
    "The bank (or one category with its subcategories, or one quiz's chosen questions) as GIFT text, Moodle XML or an IMS QTI 3.0 zip package, " +
    "with categories and tags. A question a format cannot express is left out; the `Jeevi-Skipped` header counts them.",
  access: "user",
  params: courseParams,
  query: z.object({
    format: z.enum(exportFormats, { error: "Choose gift, moodle_xml or qti3." }),
    categoryId: blankAsAbsent(z.uuid({ error: "Give a category's id." }).optional()),
    taskId: blankAsAbsent(z.uuid({ error: "Give a quiz's id." }).optional()).describe("Only this quiz's chosen questions, in its order."),
  }),
  download: { contentTypes: ["text/plain", "application/xml", "application/zip"], description: "The file, as an attachment." },
  response: z.unknown(),
  errors: [404, 422],
});

export const questionBankContracts = [
  listBankQuestionsContract,
  createBankQuestionContract,
  getBankQuestionContract,
  updateBankQuestionContract,
  deleteBankQuestionContract,
  listCategoriesContract,
  createCategoryContract,
  updateCategoryContract,
  deleteCategoryContract,
  importQuestionsContract,
  exportQuestionsContract,
] as const;
