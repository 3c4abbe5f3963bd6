CREATE TABLE "enrollment_key_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enrollment_key_failures" ADD CONSTRAINT "enrollment_key_failures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment_key_failures" ADD CONSTRAINT "enrollment_key_failures_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrollment_key_failures_user_course_idx" ON "enrollment_key_failures" USING btree ("user_id","course_id","created_at");--> statement-breakpoint
CREATE INDEX "enrollment_key_failures_course_id_idx" ON "enrollment_key_failures" USING btree ("course_id");