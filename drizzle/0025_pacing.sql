CREATE TYPE "public"."progress_scope" AS ENUM('all', 'released');--> statement-breakpoint
CREATE TYPE "public"."recurrence_frequency" AS ENUM('daily', 'weekly', 'monthly');--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_fetched_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "course_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"title" varchar(200) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"location" varchar(200) DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"all_day" boolean DEFAULT false NOT NULL,
	"time_zone" varchar(64) DEFAULT 'UTC' NOT NULL,
	"recurrence" "recurrence_frequency",
	"recurrence_interval" integer DEFAULT 1 NOT NULL,
	"recurrence_until" timestamp with time zone,
	"recurrence_count" integer,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_events_title_length" CHECK (char_length("course_events"."title") BETWEEN 1 AND 200),
	CONSTRAINT "course_events_ends_after_start" CHECK ("course_events"."ends_at" >= "course_events"."starts_at"),
	CONSTRAINT "course_events_interval_range" CHECK ("course_events"."recurrence_interval" BETWEEN 1 AND 365),
	CONSTRAINT "course_events_count_range" CHECK ("course_events"."recurrence_count" IS NULL OR "course_events"."recurrence_count" BETWEEN 1 AND 1000)
);
--> statement-breakpoint
CREATE TABLE "task_override_reminders" (
	"override_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_override_reminders_override_id_due_at_pk" PRIMARY KEY("override_id","due_at")
);
--> statement-breakpoint
CREATE TABLE "task_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"due_at" timestamp with time zone,
	"time_limit_minutes" integer,
	"attempts_allowed" integer,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_overrides_time_limit_range" CHECK ("task_overrides"."time_limit_minutes" IS NULL OR "task_overrides"."time_limit_minutes" BETWEEN 1 AND 1440),
	CONSTRAINT "task_overrides_attempts_range" CHECK ("task_overrides"."attempts_allowed" IS NULL OR "task_overrides"."attempts_allowed" BETWEEN 1 AND 100),
	CONSTRAINT "task_overrides_sets_something" CHECK ("task_overrides"."due_at" IS NOT NULL OR "task_overrides"."time_limit_minutes" IS NOT NULL OR "task_overrides"."attempts_allowed" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "time_zone" varchar(64);--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "progress_scope" "progress_scope" DEFAULT 'all' NOT NULL;--> statement-breakpoint
ALTER TABLE "modules" ADD COLUMN "release_rule" jsonb;--> statement-breakpoint
ALTER TABLE "lessons" ADD COLUMN "release_rule" jsonb;--> statement-breakpoint
ALTER TABLE "learning_tasks" ADD COLUMN "release_rule" jsonb;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_events" ADD CONSTRAINT "course_events_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_events" ADD CONSTRAINT "course_events_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_override_reminders" ADD CONSTRAINT "task_override_reminders_override_id_task_overrides_id_fk" FOREIGN KEY ("override_id") REFERENCES "public"."task_overrides"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_overrides" ADD CONSTRAINT "task_overrides_task_id_learning_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."learning_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_overrides" ADD CONSTRAINT "task_overrides_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_overrides" ADD CONSTRAINT "task_overrides_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "course_events_course_id_starts_at_idx" ON "course_events" USING btree ("course_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "task_overrides_task_user_key" ON "task_overrides" USING btree ("task_id","user_id");--> statement-breakpoint
CREATE INDEX "task_overrides_user_id_idx" ON "task_overrides" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "task_overrides_due_at_idx" ON "task_overrides" USING btree ("due_at");