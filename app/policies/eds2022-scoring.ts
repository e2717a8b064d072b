import { listInWords } from "~/lib/labels";
/**
 * EDS 2022 score arithmetic, kept pure so every step can be shown on the page and tested by hand.
 * Domain 1 is scored per service (four outcomes, 0-3 each, so 0-12 per service) and the domain
 * score is the median of the service totals; Domains 2 and 3 are sums of their outcome scores.
 * The overall score is D1 + D2 + D3 (maximum 33), rated by the configured band set.
 */

export interface RatingBand {
  label: string;
  minScore: number;
  maxScore: number;
  colour: string;
}

export interface ServiceScores {
  serviceId: string;
  name: string;
  /** Scores for Domain 1's outcomes for this service, by outcome code (missing = not scored yet). */
  scores: Record<string, number | undefined>;
}

export interface ServiceTotal {
  serviceId: string;
  name: string;
  total: number;
  complete: boolean;
}

export interface DomainScore {
  code: string;
  score: number | null;
  /** How the score was reached, in words ("median of 7, 9 and 10 = 9"). */
  working: string;
  complete: boolean;
}

export interface Eds2022Result {
  services: ServiceTotal[];
  domains: DomainScore[];
  overall: number | null;
  working: string;
  band: RatingBand | null;
}

/** The median; for an even count, the mean of the two middle values (so it can end in .5). */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function formatScore(value: number | null): string {
  if (value === null) return "not yet scored";
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}


/**
 * The band a total falls in. Bands are integer ranges from configuration; a median can add a half
 * point, so a total belongs to the highest band whose minimum it reaches (21.5 is still Developing
 * when Achieving starts at 22).
 */
export function bandFor(total: number | null, bands: RatingBand[]): RatingBand | null {
  if (total === null) return null;
  const sorted = [...bands].sort((a, b) => a.minScore - b.minScore);
  let found: RatingBand | null = null;
  for (const band of sorted) if (total >= band.minScore) found = band;
  if (found && total > found.maxScore && found === sorted.at(-1)) return null; // above the scale
  return found;
}

export function serviceTotal(service: ServiceScores, domain1Codes: string[]): ServiceTotal {
  const values = domain1Codes.map((c) => service.scores[c]);
  return {
    serviceId: service.serviceId,
    name: service.name,
    total: values.reduce<number>((sum, v) => sum + (v ?? 0), 0),
    complete: values.every((v) => v !== undefined),
  };
}

export interface Eds2022Input {
  /** Domain 1 outcome codes (scored per service). */
  domain1Codes: string[];
  services: ServiceScores[];
  /** Other domains: domain code -> outcome code -> score. */
  otherDomains: { code: string; outcomes: Record<string, number | undefined> }[];
  bands: RatingBand[];
}

export function scoreEds2022(input: Eds2022Input): Eds2022Result {
  const services = input.services.map((s) => serviceTotal(s, input.domain1Codes));
  const d1Median = median(services.map((s) => s.total));
  const d1Complete = services.length > 0 && services.every((s) => s.complete);
  const d1: DomainScore = {
    code: "1",
    score: services.length ? d1Median : null,
    complete: d1Complete,
    working: services.length
      ? `Median of the ${services.length === 1 ? "one service's total" : `${services.length} service totals`} (${listInWords(services.map((s) => `${s.name} ${s.total}`))}) = ${formatScore(d1Median)}`
      : "No service selected yet: Domain 1 needs at least one service",
  };
  const others: DomainScore[] = input.otherDomains.map((d) => {
    const values = Object.values(d.outcomes);
    const total = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
    return {
      code: d.code,
      score: total,
      complete: values.every((v) => v !== undefined),
      working: `Sum of outcome scores ${Object.entries(d.outcomes)
        .map(([code, v]) => `${code} ${v ?? "–"}`)
        .join(" + ")} = ${total}`,
    };
  });
  const domains = [d1, ...others];
  const overall = domains.every((d) => d.score !== null) ? domains.reduce((sum, d) => sum + (d.score ?? 0), 0) : null;
  return {
    services,
    domains,
    overall,
    band: bandFor(overall, input.bands),
    working:
      overall === null
        ? "The overall score appears once Domain 1 has at least one service"
        : `Domain ${domains.map((d) => `${d.code} ${formatScore(d.score)}`).join(" + Domain ")} = ${formatScore(overall)}`,
  };
}
