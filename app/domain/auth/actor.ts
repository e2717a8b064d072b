import type { OrganisationType, Role } from "#db/schema";
import type { TenantContext } from "#db/tenant";
import type { PolicyActor } from "~/policies/members";

/** One place a person can act from: an organisation, within one of its collaboratives. */
export interface ActingContext {
  orgId: string;
  orgName: string;
  orgType: OrganisationType;
  role: Role;
  collaborativeId: string;
  collaborativeName: string;
  collaborativeIsDemo: boolean;
}

export interface Actor {
  userId: string;
  name: string;
  email: string;
  sessionId: string;
  contexts: ActingContext[];
  active: ActingContext;
}

export function tenantOf(actor: Pick<Actor, "userId" | "active">): TenantContext {
  return { userId: actor.userId, orgId: actor.active.orgId, collaborativeId: actor.active.collaborativeId };
}

export function policyActor(actor: Actor): PolicyActor {
  return {
    userId: actor.userId,
    orgId: actor.active.orgId,
    collaborativeId: actor.active.collaborativeId,
    role: actor.active.role,
  };
}

export const contextKey = (c: { orgId: string; collaborativeId: string }) => `${c.orgId}:${c.collaborativeId}`;
