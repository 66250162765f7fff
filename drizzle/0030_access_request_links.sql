ALTER TABLE "access_requests" ADD COLUMN "sent_to" text;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "token_hash" text;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "access_requests_token_uq" ON "access_requests" USING btree ("token_hash");