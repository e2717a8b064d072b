import type { AssessmentPhase } from "#db/schema";
import type { Refusal } from "~/lib/error-page";
import { canSeeMembersPage, type PolicyActor } from "./members";
import { aRole } from "./roles";

export interface AssessmentRow {
  orgId: string;
  collaborativeId: string;
  phase: AssessmentPhase;
}

/** The organisation's equality lead grades, agrees and publishes; nobody edits a published assessment. */
export function canManageAssessments(actor: PolicyActor): boolean {
  return actor.role === "equality_lead";
}

/** Why this person may not start an assessment (canManageAssessments said no), and what they can do instead. */
export function assessmentStartRefusal(actor: PolicyActor, orgName: string): Refusal {
  const instead = [{ href: "/grading", text: `See the assessments of ${orgName}` }];
  // An admin may be in an organisation with no equality lead yet: inviting one is their way on.
  if (canSeeMembersPage(actor)) instead.push({ href: "/members/invite", text: "Invite an equality lead" });
  const ask = actor.role === "contributor" ? " Ask your equality lead to start one." : "";
  return { message: `Only the equality lead of ${orgName} starts an assessment; you are ${aRole(actor.role)} there.${ask}`, instead };
}

export function canEditAssessment(actor: PolicyActor, a: AssessmentRow): boolean {
  return canManageAssessments(actor) && actor.orgId === a.orgId && actor.collaborativeId === a.collaborativeId && a.phase !== "published";
}

/** Phases an assessment may be deleted in: before its grades are agreed (one started by mistake, for the wrong year, say). */
export const DELETABLE_PHASES: readonly AssessmentPhase[] = ["gathering_evidence", "grading"];

/** The organisation's equality lead deletes its own assessment until the grades are agreed; agreed and published ones are the record. */
export function canDeleteAssessment(actor: PolicyActor, a: AssessmentRow): boolean {
  return canEditAssessment(actor, a) && DELETABLE_PHASES.includes(a.phase);
}

/** Peer reviewers assigned to the assessment comment; so does the organisation itself (replies). */
export function canComment(actor: PolicyActor, a: AssessmentRow, assignedReviewerIds: string[]): boolean {
  if (actor.orgId === a.orgId) return actor.role !== "viewer";
  return actor.role === "peer_reviewer" && assignedReviewerIds.includes(actor.userId);
}

export function canAssignReviewers(actor: PolicyActor, a: AssessmentRow): boolean {
  return canManageAssessments(actor) && actor.orgId === a.orgId;
}

export function canChangeBandSet(actor: PolicyActor): boolean {
  return actor.role === "collaborative_admin";
}

export const PHASE_LABELS: Record<AssessmentPhase, string> = {
  gathering_evidence: "Gathering evidence",
  grading: "Grading",
  agreed: "Agreed",
  published: "Published",
};

export const RATER_LABELS = {
  self: "Self-assessment",
  stakeholder_panel: "Stakeholder panel",
  peer: "Peer organisation",
  trade_union: "Trade union",
  independent_evaluator: "Independent evaluator",
} as const;

/** "2022/23" from 2022. */
export function yearLabel(yearStart: number): string {
  return `${yearStart}/${String((yearStart + 1) % 100).padStart(2, "0")}`;
}

/** EDS 2022 results are published by 28 February of the reporting year's second calendar year. */
export function defaultPublicationDeadline(frameworkCode: string, yearStart: number): string | null {
  return frameworkCode === "EDS2022" ? `${yearStart + 1}-02-28` : null;
}

/** Where an assessment stands against its publication deadline. */
export type DeadlineStatus = "published" | "no-deadline" | "due" | "overdue";

/**
 * Where an assessment stands against its publication deadline on `today` (an ISO day, England's:
 * `todayIso()`): overdue once the deadline has passed without it being published (due still on
 * the day itself). A published assessment is never overdue, however late it was published. ISO
 * days compare as strings.
 */
export function deadlineStatus(a: { phase: AssessmentPhase; publicationDeadline: string | null }, today: string): DeadlineStatus {
  if (a.phase === "published") return "published";
  if (!a.publicationDeadline) return "no-deadline";
  return a.publicationDeadline < today ? "overdue" : "due";
}

/** The form field (and error key) of one grade: per outcome, and per service for Domain 1. */
export function gradeField(outcomeId: string, serviceId: string | null): string {
  return serviceId ? `grade-${outcomeId}-${serviceId}` : `grade-${outcomeId}`;
}

/** What one grade slot holds, as the grade form shows and sends it. */
export interface GradeSlotState {
  value: number | null;
  rationale: string;
  agreed: boolean;
  evidenceIds: readonly string[];
}

/**
 * A grade slot's content in a few characters. The grade form sends back, with each slot, the
 * fingerprint of the grade it was drawn with, so a save can tell a slot this person changed from
 * one they left alone while another equality lead saved it: the form posts every slot, and
 * without this the second of two people grading at once wrote their stale copy of the first
 * person's grades back over them.
 */
export function gradeFingerprint(slot: GradeSlotState | null): string {
  if (!slot || slot.value === null) return "none";
  const evidence = [...new Set(slot.evidenceIds.map((id) => id.toLowerCase()))].sort();
  // A browser sends a textarea's line ends as CRLF whatever it was given: the same rationale either way.
  const text = `${slot.agreed ? 1 : 0}|${slot.rationale.replace(/\r\n?/g, "\n").trim()}|${evidence.join(",")}`;
  // FNV-1a (32-bit): a change detector, not a secret; the value itself is kept readable.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${slot.value}-${(hash >>> 0).toString(36)}`;
}
