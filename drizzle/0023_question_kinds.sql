ALTER TYPE "public"."question_type" ADD VALUE 'matching';--> statement-breakpoint
ALTER TYPE "public"."question_type" ADD VALUE 'ordering';--> statement-breakpoint
ALTER TYPE "public"."question_type" ADD VALUE 'cloze';--> statement-breakpoint
ALTER TYPE "public"."question_type" ADD VALUE 'essay';--> statement-breakpoint
ALTER TABLE "quiz_answers" ADD COLUMN "manual_points" numeric(8, 2);--> statement-breakpoint
ALTER TABLE "quiz_answers" ADD COLUMN "grader_comment" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "quiz_answers" ADD COLUMN "graded_by" uuid;--> statement-breakpoint
ALTER TABLE "quiz_answers" ADD COLUMN "graded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD COLUMN "grading_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "quiz_answers" ADD CONSTRAINT "quiz_answers_graded_by_users_id_fk" FOREIGN KEY ("graded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quiz_attempts_grading_pending_idx" ON "quiz_attempts" USING btree ("task_id") WHERE "quiz_attempts"."grading_pending";