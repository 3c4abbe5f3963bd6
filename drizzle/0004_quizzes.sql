CREATE TYPE "public"."attempt_status" AS ENUM('in_progress', 'submitted', 'expired');--> statement-breakpoint
CREATE TYPE "public"."grading_method" AS ENUM('highest', 'latest', 'average');--> statement-breakpoint
CREATE TYPE "public"."question_type" AS ENUM('single_choice', 'multiple_choice', 'true_false', 'short_answer', 'numeric');--> statement-breakpoint
CREATE TYPE "public"."review_policy" AS ENUM('never', 'after_submit', 'after_due');--> statement-breakpoint
CREATE TABLE "quiz_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"attempt_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"response" jsonb NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_correct" boolean,
	"points_awarded" numeric(8, 2)
);
--> statement-breakpoint
CREATE TABLE "quiz_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"attempt_number" integer NOT NULL,
	"status" "attempt_status" DEFAULT 'in_progress' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deadline_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"score_points" numeric(8, 2),
	"max_points" integer,
	"score_percent" numeric(5, 2),
	"question_order" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"choice_order" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"graded_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quiz_attempts_number_positive" CHECK ("quiz_attempts"."attempt_number" > 0),
	CONSTRAINT "quiz_attempts_score_percent_range" CHECK ("quiz_attempts"."score_percent" IS NULL OR "quiz_attempts"."score_percent" BETWEEN 0 AND 100),
	CONSTRAINT "quiz_attempts_submitted_at_when_closed" CHECK (("quiz_attempts"."status" = 'in_progress') = ("quiz_attempts"."submitted_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "quiz_choices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question_id" uuid NOT NULL,
	"text" varchar(500) NOT NULL,
	"is_correct" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quiz_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"type" "question_type" NOT NULL,
	"text" text NOT NULL,
	"points" integer DEFAULT 1 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"accepted_answers" text[] DEFAULT '{}'::text[] NOT NULL,
	"numeric_value" double precision,
	"numeric_tolerance" double precision DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quiz_questions_points_positive" CHECK ("quiz_questions"."points" > 0),
	CONSTRAINT "quiz_questions_tolerance_nonnegative" CHECK ("quiz_questions"."numeric_tolerance" >= 0),
	CONSTRAINT "quiz_questions_position_nonnegative" CHECK ("quiz_questions"."position" >= 0)
);
--> statement-breakpoint
CREATE TABLE "quizzes" (
	"task_id" uuid PRIMARY KEY NOT NULL,
	"time_limit_minutes" integer,
	"attempts_allowed" integer DEFAULT 1,
	"grading_method" "grading_method" DEFAULT 'highest' NOT NULL,
	"shuffle_questions" boolean DEFAULT false NOT NULL,
	"shuffle_choices" boolean DEFAULT false NOT NULL,
	"partial_credit" boolean DEFAULT false NOT NULL,
	"review_policy" "review_policy" DEFAULT 'after_submit' NOT NULL,
	"content_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quizzes_time_limit_positive" CHECK ("quizzes"."time_limit_minutes" IS NULL OR "quizzes"."time_limit_minutes" BETWEEN 1 AND 1440),
	CONSTRAINT "quizzes_attempts_allowed_positive" CHECK ("quizzes"."attempts_allowed" IS NULL OR "quizzes"."attempts_allowed" BETWEEN 1 AND 100)
);
--> statement-breakpoint
ALTER TABLE "quiz_answers" ADD CONSTRAINT "quiz_answers_attempt_id_quiz_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."quiz_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_answers" ADD CONSTRAINT "quiz_answers_question_id_quiz_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."quiz_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_task_id_quizzes_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."quizzes"("task_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_choices" ADD CONSTRAINT "quiz_choices_question_id_quiz_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."quiz_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_questions" ADD CONSTRAINT "quiz_questions_task_id_quizzes_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."quizzes"("task_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quizzes" ADD CONSTRAINT "quizzes_task_id_learning_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."learning_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_answers_attempt_question_key" ON "quiz_answers" USING btree ("attempt_id","question_id");--> statement-breakpoint
CREATE INDEX "quiz_answers_question_id_idx" ON "quiz_answers" USING btree ("question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_attempts_task_user_number_key" ON "quiz_attempts" USING btree ("task_id","user_id","attempt_number");--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_attempts_one_open_key" ON "quiz_attempts" USING btree ("task_id","user_id") WHERE "quiz_attempts"."status" = 'in_progress';--> statement-breakpoint
CREATE INDEX "quiz_attempts_user_id_idx" ON "quiz_attempts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "quiz_attempts_open_deadline_idx" ON "quiz_attempts" USING btree ("deadline_at") WHERE "quiz_attempts"."status" = 'in_progress';--> statement-breakpoint
CREATE INDEX "quiz_choices_question_id_position_idx" ON "quiz_choices" USING btree ("question_id","position");--> statement-breakpoint
CREATE INDEX "quiz_questions_task_id_position_idx" ON "quiz_questions" USING btree ("task_id","position");