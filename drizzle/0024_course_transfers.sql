CREATE TYPE "public"."course_transfer_kind" AS ENUM('copy', 'restore', 'cartridge_import');--> statement-breakpoint
CREATE TYPE "public"."course_transfer_status" AS ENUM('uploaded', 'queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "course_files" (
	"file_id" uuid PRIMARY KEY NOT NULL,
	"course_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "course_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "course_transfer_kind" NOT NULL,
	"status" "course_transfer_status" DEFAULT 'queued' NOT NULL,
	"requested_by" uuid NOT NULL,
	"source_course_id" uuid,
	"course_id" uuid,
	"archive_file_id" uuid,
	"label" varchar(255) NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"steps_done" integer DEFAULT 0 NOT NULL,
	"steps_total" integer DEFAULT 0 NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_transfers_steps" CHECK ("course_transfers"."steps_done" >= 0 AND "course_transfers"."steps_total" >= 0)
);
--> statement-breakpoint
ALTER TABLE "course_files" ADD CONSTRAINT "course_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_files" ADD CONSTRAINT "course_files_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_transfers" ADD CONSTRAINT "course_transfers_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_transfers" ADD CONSTRAINT "course_transfers_source_course_id_courses_id_fk" FOREIGN KEY ("source_course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_transfers" ADD CONSTRAINT "course_transfers_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_transfers" ADD CONSTRAINT "course_transfers_archive_file_id_stored_files_id_fk" FOREIGN KEY ("archive_file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_files_course_id_idx" ON "course_files" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "course_transfers_waiting_idx" ON "course_transfers" USING btree ("created_at") WHERE "course_transfers"."status" IN ('queued', 'running');--> statement-breakpoint
CREATE INDEX "course_transfers_requested_by_idx" ON "course_transfers" USING btree ("requested_by","created_at");--> statement-breakpoint
CREATE INDEX "course_transfers_source_course_id_idx" ON "course_transfers" USING btree ("source_course_id");--> statement-breakpoint
CREATE INDEX "course_transfers_course_id_idx" ON "course_transfers" USING btree ("course_id");