import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "#db/client";
import { evidenceAttachments, evidenceEvents, evidenceFindings, evidenceItems, evidenceRecommendations, evidenceSources, evidenceTags, organisations, recommendationResponses, users } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { canDeleteItem, canEditItem, canShareItem, canTagItem } from "~/policies/evidence";
import { filesLookedAtWhenShared, loadItem } from "./events.server";
import { describeEvent, type EventLookups } from "./labels";
import { listTagOptions, type TagOption } from "./tag-options.server";

export interface AppliedTag {
  kind: string;
  refId: string;
  code: string;
  label: string;
  appliedBy: string | null;
  appliedAt: Date;
}

/** An item with everything its page shows, and what this actor may do with it. */
export async function getItem(database: Database, actor: Actor, input: { itemId: string }) {
  const options = await listTagOptions(database, actor);
  const optionOf = new Map<string, TagOption>(options.map((o) => [`${o.kind}:${o.id}`, o]));
  return withTenant(database, tenantOf(actor), async (tx) => {
    const { id } = await loadItem(tx, input.itemId);
    const [item] = await tx
      .select({
        id: evidenceItems.id,
        orgId: evidenceItems.orgId,
        orgName: organisations.name,
        sourceId: evidenceItems.sourceId,
        sourceName: evidenceSources.name,
        type: evidenceItems.type,
        title: evidenceItems.title,
        periodStart: evidenceItems.periodStart,
        periodEnd: evidenceItems.periodEnd,
        publishedOn: evidenceItems.publishedOn,
        link: evidenceItems.link,
        summary: evidenceItems.summary,
        services: evidenceItems.services,
        concernedOrgIds: evidenceItems.concernedOrgIds,
        createdAt: evidenceItems.createdAt,
        updatedAt: evidenceItems.updatedAt,
        sharedAt: evidenceItems.sharedAt,
      })
      .from(evidenceItems)
      .innerJoin(organisations, eq(organisations.id, evidenceItems.orgId))
      .leftJoin(evidenceSources, eq(evidenceSources.id, evidenceItems.sourceId))
      .where(eq(evidenceItems.id, id));
    const findings = await tx.select({ id: evidenceFindings.id, kind: evidenceFindings.kind, text: evidenceFindings.text }).from(evidenceFindings).where(eq(evidenceFindings.itemId, id)).orderBy(asc(evidenceFindings.position), asc(evidenceFindings.createdAt));
    const recommendations = await tx
      .select({ id: evidenceRecommendations.id, text: evidenceRecommendations.text, addressedToOrgId: evidenceRecommendations.addressedToOrgId, addressedTo: organisations.name, responseDue: evidenceRecommendations.responseDue, response: evidenceRecommendations.response })
      .from(evidenceRecommendations)
      .leftJoin(organisations, eq(organisations.id, evidenceRecommendations.addressedToOrgId))
      .where(eq(evidenceRecommendations.itemId, id))
      .orderBy(asc(evidenceRecommendations.createdAt));
    // The addressed organisations' current answers (the latest of each), read as RLS allows.
    const answers = recommendations.length
      ? await tx
          .selectDistinctOn([recommendationResponses.recommendationId], {
            recommendationId: recommendationResponses.recommendationId,
            decision: recommendationResponses.decision,
            body: recommendationResponses.body,
            at: recommendationResponses.respondedAt,
          })
          .from(recommendationResponses)
          .where(inArray(recommendationResponses.recommendationId, recommendations.map((r) => r.id)))
          .orderBy(recommendationResponses.recommendationId, desc(recommendationResponses.respondedAt), desc(recommendationResponses.id))
      : [];
    const answerOf = new Map(answers.map((a) => [a.recommendationId, { decision: a.decision, body: a.body, at: a.at }]));
    const attachments = await tx
      .select({ id: evidenceAttachments.id, filename: evidenceAttachments.filename, size: evidenceAttachments.size, contentType: evidenceAttachments.contentType, redacted: evidenceAttachments.redacted, unreadable: sql<boolean>`btrim(${evidenceAttachments.extractedText}) = ''`, textLength: sql<number>`length(${evidenceAttachments.extractedText})`, text: sql<string>`left(${evidenceAttachments.extractedText}, 2000)` })
      .from(evidenceAttachments)
      .where(eq(evidenceAttachments.itemId, id))
      // As the share check numbers them ("Text of file 2" in the history).
      .orderBy(asc(evidenceAttachments.createdAt), asc(evidenceAttachments.id));
    const tags = await tx
      .select({ findingId: evidenceTags.findingId, kind: evidenceTags.kind, refId: evidenceTags.refId, appliedBy: users.name, appliedAt: evidenceTags.appliedAt })
      .from(evidenceTags)
      .leftJoin(users, eq(users.id, evidenceTags.appliedBy))
      .where(eq(evidenceTags.itemId, id))
      .orderBy(asc(evidenceTags.appliedAt));
    const history = await tx
      .select({ action: evidenceEvents.action, detail: evidenceEvents.detail, at: evidenceEvents.at, actor: users.name })
      .from(evidenceEvents)
      .leftJoin(users, eq(users.id, evidenceEvents.actorId))
      .where(eq(evidenceEvents.itemId, id))
      .orderBy(asc(evidenceEvents.at));
    const concerned = item!.concernedOrgIds.length ? await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, item!.concernedOrgIds)) : [];
    const applied = (findingId: string | null): AppliedTag[] =>
      tags
        .filter((t) => t.findingId === findingId)
        .map((t) => {
          const o = optionOf.get(`${t.kind}:${t.refId}`);
          return { kind: t.kind, refId: t.refId, code: o?.code ?? t.kind, label: o?.label ?? "(removed)", appliedBy: t.appliedBy, appliedAt: t.appliedAt };
        });
    // The history goes to the page as text, never as stored detail: the loader's data reaches the browser whole.
    const fileNames = new Map(attachments.map((a) => [a.id, a.filename]));
    const tagLabels = new Map(options.flatMap((o) => [[`${o.kind}:${o.id}`, `${o.code} ${o.label}`], [`${o.code} ${o.label}`, `${o.code} ${o.label}`]]));
    const themeNames = new Map(options.filter((o) => o.kind === "theme").map((o) => [o.id, o.label]));
    const lookups: EventLookups = { fileName: (id) => fileNames.get(id), tagLabel: (key) => tagLabels.get(key), themeName: (id) => themeNames.get(id) };
    const own = item!.orgId === actor.active.orgId;
    // As getAttachment decides: others do not download a file whose text was redacted, nor one nobody could check (see filesLookedAtWhenShared).
    const lookedAt = own || !attachments.some((a) => a.unreadable) || (await filesLookedAtWhenShared(tx, id));
    const pa = policyActor(actor);
    return {
      item: { ...item!, concerned },
      findings: findings.map((f) => ({ ...f, tags: applied(f.id) })),
      tags: applied(null),
      recommendations: recommendations.map((r) => ({ ...r, answer: answerOf.get(r.id) ?? null })),
      attachments: attachments.map((a) => ({ ...a, withheld: !own && (a.redacted || (a.unreadable && !lookedAt)) })),
      history: history.map((h) => ({ ...h, detail: describeEvent(h.action, h.detail ?? {}, lookups) })),
      tagOptions: options,
      can: { edit: canEditItem(pa, item!), tag: canTagItem(pa, item!), share: canShareItem(pa, item!), delete: canDeleteItem(pa, item!) },
      own,
    };
  });
}
