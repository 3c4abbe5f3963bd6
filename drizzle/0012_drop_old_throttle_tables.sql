DROP TABLE "sign_in_failures" CASCADE;--> statement-breakpoint
DROP TABLE "enrollment_key_failures" CASCADE;--> statement-breakpoint
DROP TABLE "api_rate_limits" CASCADE;--> statement-breakpoint
DROP TYPE "public"."sign_in_scope";