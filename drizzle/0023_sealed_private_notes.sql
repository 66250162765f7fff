CREATE TABLE "person_vaults" (
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"key_version" integer NOT NULL,
	"passphrase_wrap" jsonb NOT NULL,
	"recovery_wrap" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_vaults_org_id_person_id_pk" PRIMARY KEY("org_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "one_on_one_private_notes" ALTER COLUMN "body" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "one_on_one_private_notes" ADD COLUMN "ciphertext" text;--> statement-breakpoint
ALTER TABLE "one_on_one_private_notes" ADD COLUMN "iv" text;--> statement-breakpoint
ALTER TABLE "one_on_one_private_notes" ADD COLUMN "key_version" integer;--> statement-breakpoint
ALTER TABLE "one_on_one_reflections" ADD COLUMN "ciphertext" text;--> statement-breakpoint
ALTER TABLE "one_on_one_reflections" ADD COLUMN "iv" text;--> statement-breakpoint
ALTER TABLE "one_on_one_reflections" ADD COLUMN "key_version" integer;--> statement-breakpoint
ALTER TABLE "person_vaults" ADD CONSTRAINT "person_vaults_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_vaults" ADD CONSTRAINT "person_vaults_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_private_notes" ADD CONSTRAINT "one_on_one_private_notes_plain_or_sealed_ck" CHECK ((body is null) = (ciphertext is not null and iv is not null and key_version is not null)
        and (ciphertext is null) = (iv is null) and (iv is null) = (key_version is null));--> statement-breakpoint
ALTER TABLE "one_on_one_reflections" ADD CONSTRAINT "one_on_one_reflections_sealed_ck" CHECK ((ciphertext is null) = (iv is null) and (iv is null) = (key_version is null)
        and (ciphertext is null or (topics = '[]'::jsonb and notes = '')));