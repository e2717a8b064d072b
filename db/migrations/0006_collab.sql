CREATE TABLE "collab_snapshots" (
	"document" text PRIMARY KEY NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"state" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collab_snapshots" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "collab_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"document" text NOT NULL,
	"user_id" uuid,
	"payload" "bytea",
	"row_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collab_updates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "register_rows" (
	"collaborative_id" uuid NOT NULL,
	"row_key" text NOT NULL,
	"position" integer NOT NULL,
	"characteristics" text[] NOT NULL,
	"barrier" text NOT NULL,
	"issue" text NOT NULL,
	"identified_by" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"eds_outcomes" text[] NOT NULL,
	"psed_aims" text[] NOT NULL,
	"themes" text[] NOT NULL,
	"lead_organisation" text NOT NULL,
	"contact_role" text NOT NULL,
	"status" text,
	"updates" jsonb NOT NULL,
	"projected_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "register_rows_collaborative_id_row_key_pk" PRIMARY KEY("collaborative_id","row_key")
);
--> statement-breakpoint
ALTER TABLE "register_rows" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "registers" (
	"collaborative_id" uuid PRIMARY KEY NOT NULL,
	"title" text DEFAULT 'Shared barrier register' NOT NULL,
	"legend" jsonb DEFAULT '[{"key":"blue","label":"Action ongoing","colour":"blue"},{"key":"green","label":"Complete","colour":"green"},{"key":"amber","label":"In progress","colour":"amber"},{"key":"red","label":"Not started","colour":"red"}]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "collab_snapshots" ADD CONSTRAINT "collab_snapshots_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_updates" ADD CONSTRAINT "collab_updates_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_updates" ADD CONSTRAINT "collab_updates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_rows" ADD CONSTRAINT "register_rows_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registers" ADD CONSTRAINT "registers_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collab_updates_pending_idx" ON "collab_updates" USING btree ("document","id") WHERE payload is not null;--> statement-breakpoint
CREATE INDEX "collab_updates_document_idx" ON "collab_updates" USING btree ("collaborative_id","document","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "register_rows_position_uq" ON "register_rows" USING btree ("collaborative_id","position");--> statement-breakpoint
CREATE POLICY "collab_snapshots_select" ON "collab_snapshots" AS PERMISSIVE FOR SELECT TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()));--> statement-breakpoint
CREATE POLICY "collab_snapshots_insert" ON "collab_snapshots" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer'));--> statement-breakpoint
CREATE POLICY "collab_snapshots_update" ON "collab_snapshots" AS PERMISSIVE FOR UPDATE TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer')) WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer'));--> statement-breakpoint
CREATE POLICY "collab_updates_select" ON "collab_updates" AS PERMISSIVE FOR SELECT TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()));--> statement-breakpoint
CREATE POLICY "collab_updates_insert" ON "collab_updates" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and user_id = (select peff_ctx_user()) and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer'));--> statement-breakpoint
CREATE POLICY "collab_updates_update" ON "collab_updates" AS PERMISSIVE FOR UPDATE TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer')) WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer') and payload is null);--> statement-breakpoint
CREATE POLICY "register_rows_select" ON "register_rows" AS PERMISSIVE FOR SELECT TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()));--> statement-breakpoint
CREATE POLICY "register_rows_insert" ON "register_rows" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer'));--> statement-breakpoint
CREATE POLICY "register_rows_delete" ON "register_rows" AS PERMISSIVE FOR DELETE TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer'));--> statement-breakpoint
CREATE POLICY "registers_select" ON "registers" AS PERMISSIVE FOR SELECT TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()));--> statement-breakpoint
CREATE POLICY "registers_insert" ON "registers" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer'));--> statement-breakpoint
CREATE POLICY "registers_update" ON "registers" AS PERMISSIVE FOR UPDATE TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer')) WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer'));