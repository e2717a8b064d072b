CREATE TABLE "assessment_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"outcome_id" uuid,
	"author_id" uuid NOT NULL,
	"author_org_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_comments_body_check" CHECK (length("assessment_comments"."body") between 1 and 5000)
);
--> statement-breakpoint
ALTER TABLE "assessment_comments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "assessment_grades" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"outcome_id" uuid NOT NULL,
	"service_id" uuid,
	"value" integer NOT NULL,
	"rationale" text DEFAULT '' NOT NULL,
	"agreed_by" uuid,
	"agreed_at" timestamp with time zone,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_grades_uq" UNIQUE NULLS NOT DISTINCT("assessment_id","outcome_id","service_id"),
	CONSTRAINT "assessment_grades_value_check" CHECK ("assessment_grades"."value" between 0 and 3)
);
--> statement-breakpoint
ALTER TABLE "assessment_grades" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "assessment_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_services_name_uq" UNIQUE("assessment_id","name")
);
--> statement-breakpoint
ALTER TABLE "assessment_services" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"year_start" integer NOT NULL,
	"eds_lead" text,
	"board_sponsor" text,
	"partnership" text DEFAULT 'alone' NOT NULL,
	"partners" text,
	"phase" text DEFAULT 'gathering_evidence' NOT NULL,
	"publication_deadline" date,
	"authorised_on" date,
	"published_on" date,
	"raters" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_org_framework_year_uq" UNIQUE("collaborative_id","org_id","framework_id","year_start"),
	CONSTRAINT "assessments_phase_check" CHECK ("assessments"."phase" in ('gathering_evidence', 'grading', 'agreed', 'published')),
	CONSTRAINT "assessments_partnership_check" CHECK ("assessments"."partnership" in ('alone', 'partnership')),
	CONSTRAINT "assessments_raters_check" CHECK ("assessments"."raters" <@ array['self', 'stakeholder_panel', 'peer', 'trade_union', 'independent_evaluator']::text[]),
	CONSTRAINT "assessments_year_check" CHECK ("assessments"."year_start" between 2010 and 2100),
	CONSTRAINT "assessments_published_check" CHECK ("assessments"."phase" <> 'published' or "assessments"."published_on" is not null)
);
--> statement-breakpoint
ALTER TABLE "assessments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "grade_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"grade_id" uuid NOT NULL,
	"outcome_id" uuid NOT NULL,
	"service_id" uuid,
	"value" integer,
	"rationale" text,
	"agreed_by" uuid,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "grade_history" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "grading_settings" (
	"collaborative_id" uuid PRIMARY KEY NOT NULL,
	"band_set" text DEFAULT 'default' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "grading_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "peer_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"reviewer_user_id" uuid NOT NULL,
	"reviewer_org_id" uuid NOT NULL,
	"assigned_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "peer_assignments_uq" UNIQUE("assessment_id","reviewer_user_id"),
	CONSTRAINT "peer_assignments_other_org_check" CHECK ("peer_assignments"."reviewer_org_id" <> "peer_assignments"."org_id")
);
--> statement-breakpoint
ALTER TABLE "peer_assignments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "assessment_comments" ADD CONSTRAINT "assessment_comments_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_comments" ADD CONSTRAINT "assessment_comments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_comments" ADD CONSTRAINT "assessment_comments_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_comments" ADD CONSTRAINT "assessment_comments_outcome_id_framework_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."framework_outcomes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_comments" ADD CONSTRAINT "assessment_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_comments" ADD CONSTRAINT "assessment_comments_author_org_id_organisations_id_fk" FOREIGN KEY ("author_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_grades" ADD CONSTRAINT "assessment_grades_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_grades" ADD CONSTRAINT "assessment_grades_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_grades" ADD CONSTRAINT "assessment_grades_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_grades" ADD CONSTRAINT "assessment_grades_outcome_id_framework_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."framework_outcomes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_grades" ADD CONSTRAINT "assessment_grades_service_id_assessment_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."assessment_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_grades" ADD CONSTRAINT "assessment_grades_agreed_by_users_id_fk" FOREIGN KEY ("agreed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_grades" ADD CONSTRAINT "assessment_grades_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_services" ADD CONSTRAINT "assessment_services_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_services" ADD CONSTRAINT "assessment_services_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_services" ADD CONSTRAINT "assessment_services_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_history" ADD CONSTRAINT "grade_history_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_settings" ADD CONSTRAINT "grading_settings_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_settings" ADD CONSTRAINT "grading_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_assignments" ADD CONSTRAINT "peer_assignments_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_assignments" ADD CONSTRAINT "peer_assignments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_assignments" ADD CONSTRAINT "peer_assignments_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_assignments" ADD CONSTRAINT "peer_assignments_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_assignments" ADD CONSTRAINT "peer_assignments_reviewer_org_id_organisations_id_fk" FOREIGN KEY ("reviewer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_assignments" ADD CONSTRAINT "peer_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_comments_assessment_idx" ON "assessment_comments" USING btree ("assessment_id","created_at");--> statement-breakpoint
CREATE INDEX "assessment_grades_assessment_idx" ON "assessment_grades" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "assessments_published_idx" ON "assessments" USING btree ("collaborative_id","framework_id","year_start") WHERE phase = 'published';--> statement-breakpoint
CREATE INDEX "grade_history_assessment_idx" ON "grade_history" USING btree ("assessment_id","changed_at");--> statement-breakpoint
CREATE INDEX "peer_assignments_reviewer_idx" ON "peer_assignments" USING btree ("reviewer_user_id","reviewer_org_id");--> statement-breakpoint
CREATE POLICY "assessment_comments_select" ON "assessment_comments" AS PERMISSIVE FOR SELECT TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()) and (org_id = (select peff_ctx_org()) or exists (select 1 from peer_assignments pa where pa.assessment_id = assessment_comments.assessment_id and pa.reviewer_user_id = (select peff_ctx_user()) and pa.reviewer_org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'peer_reviewer')));--> statement-breakpoint
CREATE POLICY "assessment_comments_insert" ON "assessment_comments" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and author_id = (select peff_ctx_user()) and author_org_id = (select peff_ctx_org()) and exists (select 1 from assessments a where a.id = assessment_comments.assessment_id and a.org_id = assessment_comments.org_id) and (org_id = (select peff_ctx_org()) or exists (select 1 from peer_assignments pa where pa.assessment_id = assessment_comments.assessment_id and pa.reviewer_user_id = (select peff_ctx_user()) and pa.reviewer_org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'peer_reviewer')));--> statement-breakpoint
CREATE POLICY "assessment_grades_select" ON "assessment_grades" AS PERMISSIVE FOR SELECT TO "peff_app" USING (assessment_grades.collaborative_id = (select peff_ctx_collaborative()) and exists (select 1 from assessments a where a.id = assessment_grades.assessment_id));--> statement-breakpoint
CREATE POLICY "assessment_grades_insert" ON "assessment_grades" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK ((assessment_grades.org_id = (select peff_ctx_org()) and assessment_grades.collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'equality_lead') and exists (select 1 from assessments a where a.id = assessment_grades.assessment_id and a.org_id = assessment_grades.org_id and a.phase <> 'published'));--> statement-breakpoint
CREATE POLICY "assessment_grades_update" ON "assessment_grades" AS PERMISSIVE FOR UPDATE TO "peff_app" USING ((assessment_grades.org_id = (select peff_ctx_org()) and assessment_grades.collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'equality_lead') and exists (select 1 from assessments a where a.id = assessment_grades.assessment_id and a.org_id = assessment_grades.org_id and a.phase <> 'published')) WITH CHECK ((assessment_grades.org_id = (select peff_ctx_org()) and assessment_grades.collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'equality_lead') and exists (select 1 from assessments a where a.id = assessment_grades.assessment_id and a.org_id = assessment_grades.org_id and a.phase <> 'published'));--> statement-breakpoint
CREATE POLICY "assessment_grades_delete" ON "assessment_grades" AS PERMISSIVE FOR DELETE TO "peff_app" USING ((assessment_grades.org_id = (select peff_ctx_org()) and assessment_grades.collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'equality_lead') and exists (select 1 from assessments a where a.id = assessment_grades.assessment_id and a.org_id = assessment_grades.org_id and a.phase <> 'published'));--> statement-breakpoint
CREATE POLICY "assessment_services_select" ON "assessment_services" AS PERMISSIVE FOR SELECT TO "peff_app" USING (assessment_services.collaborative_id = (select peff_ctx_collaborative()) and exists (select 1 from assessments a where a.id = assessment_services.assessment_id));--> statement-breakpoint
CREATE POLICY "assessment_services_insert" ON "assessment_services" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK ((assessment_services.org_id = (select peff_ctx_org()) and assessment_services.collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'equality_lead') and exists (select 1 from assessments a where a.id = assessment_services.assessment_id and a.org_id = assessment_services.org_id and a.phase <> 'published'));--> statement-breakpoint
CREATE POLICY "assessment_services_update" ON "assessment_services" AS PERMISSIVE FOR UPDATE TO "peff_app" USING ((assessment_services.org_id = (select peff_ctx_org()) and assessment_services.collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'equality_lead') and exists (select 1 from assessments a where a.id = assessment_services.assessment_id and a.org_id = assessment_services.org_id and a.phase <> 'published')) WITH CHECK ((assessment_services.org_id = (select peff_ctx_org()) and assessment_services.collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'equality_lead') and exists (select 1 from assessments a where a.id = assessment_services.assessment_id and a.org_id = assessment_services.org_id and a.phase <> 'published'));--> statement-breakpoint
CREATE POLICY "assessment_services_delete" ON "assessment_services" AS PERMISSIVE FOR DELETE TO "peff_app" USING ((assessment_services.org_id = (select peff_ctx_org()) and assessment_services.collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'equality_lead') and exists (select 1 from assessments a where a.id = assessment_services.assessment_id and a.org_id = assessment_services.org_id and a.phase <> 'published'));--> statement-breakpoint
CREATE POLICY "assessments_select" ON "assessments" AS PERMISSIVE FOR SELECT TO "peff_app" USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative())) or (phase = 'published' and collaborative_id = (select peff_ctx_collaborative())) or exists (select 1 from peer_assignments pa where pa.assessment_id = assessments.id and pa.reviewer_user_id = (select peff_ctx_user()) and pa.reviewer_org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'peer_reviewer'));--> statement-breakpoint
CREATE POLICY "assessments_insert" ON "assessments" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK ((assessments.org_id = (select peff_ctx_org()) and assessments.collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'equality_lead'));--> statement-breakpoint
CREATE POLICY "assessments_update" ON "assessments" AS PERMISSIVE FOR UPDATE TO "peff_app" USING ((assessments.org_id = (select peff_ctx_org()) and assessments.collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'equality_lead')) WITH CHECK ((assessments.org_id = (select peff_ctx_org()) and assessments.collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'equality_lead'));--> statement-breakpoint
CREATE POLICY "grade_history_select" ON "grade_history" AS PERMISSIVE FOR SELECT TO "peff_app" USING (grade_history.collaborative_id = (select peff_ctx_collaborative()) and exists (select 1 from assessments a where a.id = grade_history.assessment_id));--> statement-breakpoint
CREATE POLICY "grading_settings_select" ON "grading_settings" AS PERMISSIVE FOR SELECT TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()));--> statement-breakpoint
CREATE POLICY "grading_settings_insert" ON "grading_settings" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'collaborative_admin');--> statement-breakpoint
CREATE POLICY "grading_settings_update" ON "grading_settings" AS PERMISSIVE FOR UPDATE TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'collaborative_admin') WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'collaborative_admin');--> statement-breakpoint
CREATE POLICY "peer_assignments_select" ON "peer_assignments" AS PERMISSIVE FOR SELECT TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()) and (org_id = (select peff_ctx_org()) or (select peff_ctx_role()) = 'collaborative_admin' or (reviewer_user_id = (select peff_ctx_user()) and reviewer_org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'peer_reviewer')));--> statement-breakpoint
CREATE POLICY "peer_assignments_insert" ON "peer_assignments" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK ((peer_assignments.org_id = (select peff_ctx_org()) and peer_assignments.collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'equality_lead') and exists (select 1 from memberships m join collaborative_members cm on cm.org_id = m.org_id and cm.collaborative_id = peer_assignments.collaborative_id and cm.left_on is null where m.user_id = peer_assignments.reviewer_user_id and m.org_id = peer_assignments.reviewer_org_id and m.role = 'peer_reviewer'));--> statement-breakpoint
CREATE POLICY "peer_assignments_delete" ON "peer_assignments" AS PERMISSIVE FOR DELETE TO "peff_app" USING ((peer_assignments.org_id = (select peff_ctx_org()) and peer_assignments.collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'equality_lead'));