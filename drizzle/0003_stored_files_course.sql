ALTER TABLE "stored_files" ADD COLUMN "course_id" uuid;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_files_course_id_idx" ON "stored_files" USING btree ("course_id");--> statement-breakpoint
-- Files uploaded before this column belong to the course of the lesson that shows them.
UPDATE "stored_files" SET "course_id" = (
	SELECT "modules"."course_id" FROM "lessons" JOIN "modules" ON "modules"."id" = "lessons"."module_id"
	WHERE "lessons"."file_id" = "stored_files"."id" LIMIT 1
) WHERE "course_id" IS NULL;
