DROP INDEX "enrollments_course_status_idx";--> statement-breakpoint
CREATE INDEX "enrollments_course_status_progress_idx" ON "enrollments" USING btree ("course_id","status","progress_percent");