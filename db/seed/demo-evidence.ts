import type { Tx } from "../client";
import { characteristics, evidenceEvents, evidenceFindings, evidenceItems, evidenceRecommendations, evidenceSources, evidenceTags, evidenceThemes, frameworkOutcomes, psedAims, recommendationResponses, type ItemType, type ResponseDecision, type SourceKind } from "../schema";
import type { DemoOrgKey, DemoTenancy } from "./demo-tenancy";

/** Demo stakeholder sources, shared across the collaborative. All content is invented. */
const SOURCES: { key: string; name: string; kind: SourceKind; area: string; by: DemoOrgKey; represents: string[] }[] = [
  { key: "hw", name: "Healthwatch Liverpool (demo)", kind: "healthwatch", area: "Liverpool", by: "luht", represents: [] },
  { key: "cdw", name: "BAME Community Development Worker project (demo)", kind: "cdw_project", area: "Sefton and Liverpool", by: "cvs", represents: ["race", "migrants_asylum", "religion_belief"] },
  { key: "deaf", name: "Merseyside Society for Deaf People (demo)", kind: "deaf_society", area: "Merseyside", by: "merseyCare", represents: ["deaf_bsl", "disability"] },
  { key: "lgbt", name: "Sahir House and LGBT+ forum (demo)", kind: "vcse", area: "Merseyside", by: "alderHey", represents: ["sexual_orientation", "gender_reassignment"] },
  { key: "network", name: "Mersey Care Race Equality staff network (demo)", kind: "staff_network", area: "Mersey Care", by: "merseyCare", represents: ["race"] },
  { key: "union", name: "UNISON North West health branch (demo)", kind: "trade_union", area: "Cheshire and Merseyside", by: "icb", represents: [] },
];

interface DemoItem {
  org: DemoOrgKey;
  by: string;
  source: string;
  type: ItemType;
  title: string;
  published: string;
  period?: [string, string];
  summary: string;
  findings: { text: string; kind?: "issue" | "quote"; tags: string[] }[];
  tags: string[];
  shared: boolean;
  recommendation?: { text: string; to: DemoOrgKey; due: string; response?: string; answer?: { decision: ResponseDecision; body: string; on: string } };
}

/** The demo equality lead's sign-in of an organisation. */
const leadOf = (org: DemoOrgKey) => `${org === "merseyCare" ? "merseycare" : org === "alderHey" ? "alderhey" : org}.lead@peff.example`;

// Tags: "o:<outcome code>", "c:<characteristic code>", "p:<psed position>", "t:<theme>".
const ITEMS: DemoItem[] = [
  {
    org: "luht", by: "luht.lead@peff.example", source: "hw", type: "enter_and_view", title: "Enter and View: Royal Liverpool outpatients", published: "2024-05-14", period: ["2024-03-01", "2024-03-31"],
    summary: "Authorised representatives visited the outpatient department on three days and spoke with 46 patients and carers about access, information and waiting.",
    findings: [
      { text: "Patients who are D/deaf said appointment letters ask them to phone to rebook, with no text or email option.", tags: ["c:deaf_bsl", "o:1A", "o:2.1", "t:Accessible information"] },
      { text: "“Nobody told me the interpreter had been cancelled until I was in the room.”", kind: "quote", tags: ["c:migrants_asylum", "t:Interpreting", "o:1D"] },
      { text: "Wayfinding signs are English only and the hearing loop at main reception was not working.", tags: ["c:disability", "o:1A"] },
    ],
    tags: ["p:2"], shared: true,
    recommendation: {
      text: "Offer text and email for rebooking and publish the interpreting booking standard.", to: "luht", due: "2024-08-31", response: "Text rebooking live from September 2024; interpreting standard under review.",
      answer: { decision: "partly_accepted", body: "Text and email rebooking went live in September 2024. The interpreting booking standard goes to the Patient Experience Group in March 2025.", on: "2024-08-20" },
    },
  },
  {
    org: "cvs", by: "cvs.lead@peff.example", source: "cdw", type: "highlight_report", title: "CDW highlight report: quarter 2 2024/25", published: "2024-10-10", period: ["2024-07-01", "2024-09-30"],
    summary: "Key issues raised by community development workers with Black, Asian and minority ethnic communities and with people seeking asylum, and escalations to system partners.",
    findings: [
      { text: "Asylum seekers in initial accommodation reported being refused GP registration without proof of address.", tags: ["c:migrants_asylum", "o:2.1", "o:1A"] },
      { text: "Somali and Yemeni women described maternity appointments without interpreters, relying on children to translate.", tags: ["c:race", "c:pregnancy_maternity", "c:sex", "t:Interpreting", "o:1B"] },
      { text: "Mosque-based health checks reached 210 men not registered with any practice.", tags: ["c:religion_belief", "o:1.5"] },
    ],
    tags: ["p:2", "p:3"], shared: true,
  },
  {
    org: "merseyCare", by: "merseycare.lead@peff.example", source: "deaf", type: "report", title: "BSL users' experience of community mental health services", published: "2024-02-20",
    summary: "Briefing from focus groups with 18 BSL users about referral, assessment and crisis support.",
    findings: [
      { text: "Crisis lines are telephone-only; the text relay service was not known to staff.", tags: ["c:deaf_bsl", "o:1C", "o:1A"] },
      { text: "“I had to write notes to my care coordinator for a year.”", kind: "quote", tags: ["c:deaf_bsl", "o:1B", "t:Accessible information"] },
    ],
    tags: ["p:1"], shared: true,
    recommendation: { text: "Commission video relay for crisis lines and train care coordinators in deaf awareness.", to: "merseyCare", due: "2024-06-30" },
  },
  {
    org: "merseyCare", by: "wirral.lead@peff.example", source: "network", type: "meeting_note", title: "Race Equality network listening event notes", published: "2024-07-03",
    summary: "Notes of a listening event with 35 staff about bullying, career progression and access to independent support.",
    findings: [
      { text: "Staff from ethnic minorities were twice as likely to report harassment from patients and relatives, and felt incidents were not followed up.", tags: ["c:race", "o:2B", "o:3.4"] },
      { text: "Few knew the Freedom to Speak Up guardian could be contacted confidentially.", tags: ["c:race", "o:2C"] },
    ],
    tags: ["p:1"], shared: false,
  },
  {
    org: "alderHey", by: "alderhey.lead@peff.example", source: "lgbt", type: "survey", title: "Young people's survey: gender identity and clinic experience", published: "2024-04-02",
    summary: "Online survey of 120 young people and parents about being called by the right name and pronouns in clinics.",
    findings: [
      { text: "Four in ten trans and non-binary respondents said staff used their birth name after being told their chosen name.", tags: ["c:gender_reassignment", "c:age", "o:1D", "o:2.3"] },
    ],
    tags: ["p:3"], shared: true,
  },
  {
    org: "wirral", by: "wirral.lead@peff.example", source: "hw", type: "complaints_theme", title: "PALS themes: community nursing, 2023/24", published: "2024-06-12", period: ["2023-04-01", "2024-03-31"],
    summary: "Themes from 212 PALS contacts about community nursing: missed visits, communication and carers' involvement.",
    findings: [
      { text: "Carers said they were not told when visits were rescheduled.", tags: ["c:carers", "o:2.2"] },
      { text: "Older people without internet could not use the new online booking.", tags: ["c:age", "c:socio_economic", "o:1A", "t:Digital exclusion"] },
    ],
    tags: [], shared: false,
  },
  {
    org: "sefton", by: "sefton.lead@peff.example", source: "cdw", type: "data_return", title: "Health checks uptake by deprivation decile", published: "2024-09-01",
    summary: "NHS Health Check invitations and uptake in Sefton by IMD decile and ethnicity.",
    findings: [{ text: "Uptake in the most deprived decile was 28% against 51% in the least deprived.", tags: ["c:socio_economic", "o:1.5", "o:1A"] }],
    tags: ["p:2"], shared: true,
  },
  {
    org: "icb", by: "icb.lead@peff.example", source: "union", type: "report", title: "Staff survey equality breakdown for the system", published: "2024-03-28",
    summary: "System-wide staff survey results broken down by protected characteristic for the workforce outcomes.",
    findings: [
      { text: "Disabled staff reported lower rates of reasonable adjustments being made than the national average.", tags: ["c:disability", "o:2A", "o:3.6"] },
      { text: "Staff aged over 55 were least likely to have had a career conversation.", tags: ["c:age", "o:3.3"] },
    ],
    tags: ["p:2"], shared: true,
  },
  {
    org: "luht", by: "contributor@peff.example", source: "hw", type: "meeting_note", title: "Patient panel: discharge letters and interpreters", published: "2024-11-05",
    summary: "Draft notes, not yet checked for personal data. Raised by Mrs Okafor; contact her on 0151 496 0000.",
    findings: [{ text: "Discharge letters are not offered in Easy Read.", tags: ["c:disability", "o:1.3", "t:Accessible information"] }],
    tags: [], shared: false,
  },
];

/** Sources, themes and evidence items with findings, tags, recommendations and history. Owner connection. */
export async function seedDemoEvidence(tx: Tx, tenancy: DemoTenancy): Promise<void> {
  const { collaborativeId, orgIds, userIds } = tenancy;
  const chars = new Map((await tx.select({ id: characteristics.id, code: characteristics.code }).from(characteristics)).map((c) => [c.code, c.id]));
  const outcomes = new Map((await tx.select({ id: frameworkOutcomes.id, code: frameworkOutcomes.code }).from(frameworkOutcomes)).map((o) => [o.code, o.id]));
  const aims = new Map((await tx.select({ id: psedAims.id, position: psedAims.position }).from(psedAims)).map((a) => [String(a.position), a.id]));

  const sourceIds = new Map<string, string>();
  for (const s of SOURCES) {
    const [row] = await tx
      .insert(evidenceSources)
      .values({ collaborativeId, orgId: orgIds[s.by], name: s.name, kind: s.kind, area: s.area, characteristicIds: s.represents.map((c) => chars.get(c)!) })
      .returning({ id: evidenceSources.id });
    sourceIds.set(s.key, row!.id);
  }
  const themeIds = new Map<string, string>();
  const themeOf = async (name: string, org: DemoOrgKey) => {
    if (!themeIds.has(name)) {
      const [row] = await tx.insert(evidenceThemes).values({ collaborativeId, orgId: orgIds[org], name }).returning({ id: evidenceThemes.id });
      themeIds.set(name, row!.id);
    }
    return themeIds.get(name)!;
  };
  const tagRef = async (tag: string, org: DemoOrgKey) => {
    const [kind, code] = [tag.slice(0, 1), tag.slice(2)];
    if (kind === "o") return { kind: "outcome" as const, refId: outcomes.get(code)! };
    if (kind === "c") return { kind: "characteristic" as const, refId: chars.get(code)! };
    if (kind === "p") return { kind: "psed" as const, refId: aims.get(code)! };
    return { kind: "theme" as const, refId: await themeOf(code, org) };
  };

  for (const d of ITEMS) {
    const orgId = orgIds[d.org];
    const userId = userIds[d.by]!;
    const [item] = await tx
      .insert(evidenceItems)
      .values({
        collaborativeId, orgId, sourceId: sourceIds.get(d.source)!, type: d.type, title: d.title, summary: d.summary, publishedOn: d.published,
        periodStart: d.period?.[0] ?? null, periodEnd: d.period?.[1] ?? null, createdBy: userId, concernedOrgIds: [orgId],
        sharedAt: d.shared ? new Date(`${d.published}T15:00:00Z`) : null, sharedBy: d.shared ? (userIds[leadOf(d.org)] ?? userId) : null,
      })
      .returning({ id: evidenceItems.id });
    const owned = { collaborativeId, orgId, itemId: item!.id };
    let tick = 0;
    const event = (action: "created" | "finding_added" | "tagged" | "shared" | "recommendation_added", detail: Record<string, unknown> = {}, at = new Date(Date.parse(`${d.published}T10:00:00Z`) + 60_000 * tick++)) =>
      tx.insert(evidenceEvents).values({ ...owned, actorId: userId, action, detail, at });
    // Tags are applied, and recorded in the history, as the tag picker does: keyed "kind:id" (which
    // the history reads back as the tag's label), one event for the item and one per finding, at
    // the time the history says.
    const tagAll = async (tags: string[], findingId: string | null) => {
      if (!tags.length) return;
      const at = new Date(Date.parse(`${d.published}T10:00:00Z`) + 60_000 * tick++);
      const refs = [];
      for (const tag of tags) refs.push(await tagRef(tag, d.org));
      for (const ref of refs) await tx.insert(evidenceTags).values({ ...owned, findingId, ...ref, appliedBy: userId, appliedAt: at });
      await event("tagged", { ...(findingId ? { findingId } : {}), tags: refs.map((r) => `${r.kind}:${r.refId}`) }, at);
    };
    await event("created", { title: d.title });
    const findingIds: string[] = [];
    for (const [i, f] of d.findings.entries()) {
      const [finding] = await tx.insert(evidenceFindings).values({ ...owned, kind: f.kind ?? "issue", text: f.text, position: i }).returning({ id: evidenceFindings.id });
      findingIds.push(finding!.id);
    }
    await event("finding_added", { count: d.findings.length });
    await tagAll(d.tags, null);
    for (const [i, f] of d.findings.entries()) await tagAll(f.tags, findingIds[i]!);
    if (d.recommendation) {
      const [rec] = await tx
        .insert(evidenceRecommendations)
        .values({ ...owned, text: d.recommendation.text, addressedToOrgId: orgIds[d.recommendation.to], responseDue: d.recommendation.due, response: d.recommendation.response ?? "" })
        .returning({ id: evidenceRecommendations.id });
      await event("recommendation_added");
      const answer = d.recommendation.answer;
      if (answer) {
        await tx.insert(recommendationResponses).values({
          collaborativeId,
          orgId: orgIds[d.recommendation.to],
          recommendationId: rec!.id,
          decision: answer.decision,
          body: answer.body,
          respondedBy: userIds[leadOf(d.recommendation.to)] ?? null,
          respondedAt: new Date(`${answer.on}T11:00:00Z`),
        });
      }
    }
    if (d.shared) await event("shared", { redacted: 0, confirmed: 0 });
  }
}
