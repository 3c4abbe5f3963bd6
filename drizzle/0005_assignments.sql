CREATE TYPE "public"."late_penalty_type" AS ENUM('none', 'percent_per_day', 'flat');--> statement-breakpoint
CREATE TYPE "public"."submission_grade_status" AS ENUM('ungraded', 'draft', 'released', 'returned');--> statement-breakpoint
CREATE TABLE "assignments" (
	"task_id" uuid PRIMARY KEY NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"allowed_file_types" varchar(10)[] DEFAULT '{}'::varchar[] NOT NULL,
	"max_file_size_mb" integer DEFAULT 10 NOT NULL,
	"max_files" integer DEFAULT 1 NOT NULL,
	"text_entry" boolean DEFAULT false NOT NULL,
	"accept_late" boolean DEFAULT false NOT NULL,
	"late_penalty_type" "late_penalty_type" DEFAULT 'none' NOT NULL,
	"late_penalty_percent" numeric(5, 2) DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_max_file_size_range" CHECK ("assignments"."max_file_size_mb" BETWEEN 1 AND 2047),
	CONSTRAINT "assignments_max_files_range" CHECK ("assignments"."max_files" BETWEEN 0 AND 20),
	CONSTRAINT "assignments_late_penalty_range" CHECK ("assignments"."late_penalty_percent" BETWEEN 0 AND 100),
	CONSTRAINT "assignments_accepts_something" CHECK ("assignments"."text_entry" OR "assignments"."max_files" > 0)
);
--> statement-breakpoint
CREATE TABLE "submission_files" (
	"submission_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "submission_files_submission_id_file_id_pk" PRIMARY KEY("submission_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_late" boolean DEFAULT false NOT NULL,
	"days_late" integer DEFAULT 0 NOT NULL,
	"grade_status" "submission_grade_status" DEFAULT 'ungraded' NOT NULL,
	"raw_points" numeric(8, 2),
	"penalty_percent" numeric(5, 2),
	"points" numeric(8, 2),
	"feedback" text DEFAULT '' NOT NULL,
	"graded_by" uuid,
	"graded_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submissions_version_positive" CHECK ("submissions"."version" > 0),
	CONSTRAINT "submissions_days_late_nonnegative" CHECK ("submissions"."days_late" >= 0),
	CONSTRAINT "submissions_points_nonnegative" CHECK ("submissions"."points" IS NULL OR "submissions"."points" >= 0),
	CONSTRAINT "submissions_raw_points_nonnegative" CHECK ("submissions"."raw_points" IS NULL OR "submissions"."raw_points" >= 0),
	CONSTRAINT "submissions_graded_fields" CHECK (("submissions"."grade_status" IN ('draft', 'released')) = ("submissions"."points" IS NOT NULL AND "submissions"."graded_at" IS NOT NULL)),
	CONSTRAINT "submissions_released_at" CHECK (("submissions"."grade_status" = 'released') = ("submissions"."released_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_task_id_learning_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."learning_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_files" ADD CONSTRAINT "submission_files_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_files" ADD CONSTRAINT "submission_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_task_id_assignments_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."assignments"("task_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_graded_by_users_id_fk" FOREIGN KEY ("graded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submission_files_file_id_idx" ON "submission_files" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_task_user_version_key" ON "submissions" USING btree ("task_id","user_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_one_current_key" ON "submissions" USING btree ("task_id","user_id") WHERE "submissions"."is_current";--> statement-breakpoint
CREATE INDEX "submissions_user_id_idx" ON "submissions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "submissions_task_id_submitted_at_idx" ON "submissions" USING btree ("task_id","submitted_at");