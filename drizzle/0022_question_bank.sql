CREATE TABLE "question_bank_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"category_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "question_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" varchar(120) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quiz_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"entry_id" uuid,
	"category_id" uuid,
	"include_subcategories" boolean DEFAULT false NOT NULL,
	"tag" varchar(60),
	"draw_count" integer DEFAULT 1 NOT NULL,
	"points" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quiz_slots_kind" CHECK (("quiz_slots"."entry_id" IS NOT NULL AND "quiz_slots"."category_id" IS NULL AND "quiz_slots"."tag" IS NULL AND "quiz_slots"."draw_count" = 1 AND "quiz_slots"."points" IS NULL)
        OR ("quiz_slots"."entry_id" IS NULL AND "quiz_slots"."draw_count" BETWEEN 1 AND 100 AND "quiz_slots"."points" BETWEEN 1 AND 1000)),
	CONSTRAINT "quiz_slots_position_nonnegative" CHECK ("quiz_slots"."position" >= 0)
);
--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD COLUMN "question_points" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "quiz_choices" ADD COLUMN "weight" numeric(6, 2);--> statement-breakpoint
ALTER TABLE "quiz_choices" ADD COLUMN "feedback" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "quiz_choices" ADD COLUMN "previous_id" uuid;--> statement-breakpoint
ALTER TABLE "quiz_questions" ADD COLUMN "entry_id" uuid;--> statement-breakpoint
ALTER TABLE "quiz_questions" ADD COLUMN "course_id" uuid;--> statement-breakpoint
ALTER TABLE "quiz_questions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "quiz_questions" ADD COLUMN "is_current" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "quiz_questions" ADD COLUMN "name" varchar(200) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "quiz_questions" ADD COLUMN "data" jsonb;--> statement-breakpoint
ALTER TABLE "quiz_questions" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "quizzes" ADD COLUMN "question_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Every existing question becomes a bank entry of its course (same id), in
-- version 1, and takes a chosen slot in its quiz at its old position.
INSERT INTO "question_bank_entries" ("id", "course_id", "created_at", "updated_at")
SELECT q."id", t."course_id", q."created_at", q."updated_at"
FROM "quiz_questions" q JOIN "learning_tasks" t ON t."id" = q."task_id";--> statement-breakpoint
UPDATE "quiz_questions" q SET "entry_id" = q."id", "course_id" = t."course_id"
FROM "learning_tasks" t WHERE t."id" = q."task_id";--> statement-breakpoint
INSERT INTO "quiz_slots" ("task_id", "position", "entry_id")
SELECT "task_id", (row_number() OVER (PARTITION BY "task_id" ORDER BY "position", "created_at", "id") - 1)::int, "id"
FROM "quiz_questions";--> statement-breakpoint
UPDATE "quizzes" z SET "question_count" = (SELECT count(*)::int FROM "quiz_slots" s WHERE s."task_id" = z."task_id");--> statement-breakpoint
-- An attempt now grades and shows its own recorded questions; one saved without
-- an order gets the quiz's questions as they are, and every attempt its points.
UPDATE "quiz_attempts" a SET "question_order" = coalesce(
  (SELECT array_agg(q."id" ORDER BY q."position", q."id") FROM "quiz_questions" q WHERE q."task_id" = a."task_id"), '{}')
WHERE cardinality(a."question_order") = 0;--> statement-breakpoint
UPDATE "quiz_attempts" a SET "question_points" = coalesce(
  (SELECT jsonb_object_agg(q."id", q."points") FROM "quiz_questions" q WHERE q."id" = ANY(a."question_order")), '{}'::jsonb);--> statement-breakpoint
ALTER TABLE "quiz_questions" ALTER COLUMN "entry_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "quiz_questions" ALTER COLUMN "course_id" SET NOT NULL;--> statement-breakpoint

ALTER TABLE "question_bank_entries" ADD CONSTRAINT "question_bank_entries_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_bank_entries" ADD CONSTRAINT "question_bank_entries_category_id_question_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."question_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_bank_entries" ADD CONSTRAINT "question_bank_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_categories" ADD CONSTRAINT "question_categories_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_categories" ADD CONSTRAINT "question_categories_parent_id_question_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."question_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_slots" ADD CONSTRAINT "quiz_slots_task_id_quizzes_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."quizzes"("task_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_slots" ADD CONSTRAINT "quiz_slots_entry_id_question_bank_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."question_bank_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_slots" ADD CONSTRAINT "quiz_slots_category_id_question_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."question_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "question_bank_entries_course_category_idx" ON "question_bank_entries" USING btree ("course_id","category_id") WHERE "question_bank_entries"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "question_bank_entries_tags_idx" ON "question_bank_entries" USING gin ("tags");--> statement-breakpoint
CREATE UNIQUE INDEX "question_categories_sibling_name_key" ON "question_categories" USING btree ("course_id",coalesce("parent_id", '00000000-0000-0000-0000-000000000000'::uuid),lower("name"));--> statement-breakpoint
CREATE INDEX "question_categories_parent_id_idx" ON "question_categories" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "quiz_slots_task_id_position_idx" ON "quiz_slots" USING btree ("task_id","position");--> statement-breakpoint
CREATE INDEX "quiz_slots_entry_id_idx" ON "quiz_slots" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "quiz_slots_category_id_idx" ON "quiz_slots" USING btree ("category_id");--> statement-breakpoint
ALTER TABLE "quiz_questions" ADD CONSTRAINT "quiz_questions_entry_id_question_bank_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."question_bank_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_questions" ADD CONSTRAINT "quiz_questions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_questions" ADD CONSTRAINT "quiz_questions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_questions_entry_version_key" ON "quiz_questions" USING btree ("entry_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_questions_one_current_key" ON "quiz_questions" USING btree ("entry_id") WHERE "quiz_questions"."is_current";--> statement-breakpoint
CREATE INDEX "quiz_questions_course_current_idx" ON "quiz_questions" USING btree ("course_id") WHERE "quiz_questions"."is_current";--> statement-breakpoint
ALTER TABLE "quiz_questions" DROP CONSTRAINT "quiz_questions_position_nonnegative";--> statement-breakpoint
ALTER TABLE "quiz_questions" DROP CONSTRAINT "quiz_questions_task_id_quizzes_task_id_fk";
--> statement-breakpoint
DROP INDEX "quiz_questions_task_id_position_idx";--> statement-breakpoint
ALTER TABLE "quiz_questions" DROP COLUMN "task_id";--> statement-breakpoint
ALTER TABLE "quiz_questions" DROP COLUMN "position";--> statement-breakpoint
ALTER TABLE "quiz_questions" ADD CONSTRAINT "quiz_questions_version_positive" CHECK ("quiz_questions"."version" > 0);--> statement-breakpoint
CREATE INDEX "quiz_attempts_question_order_idx" ON "quiz_attempts" USING gin ("question_order");--> statement-breakpoint
CREATE TABLE "question_files" (
	"file_id" uuid PRIMARY KEY NOT NULL,
	"course_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "question_files" ADD CONSTRAINT "question_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_files" ADD CONSTRAINT "question_files_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "question_files_course_id_idx" ON "question_files" USING btree ("course_id");
