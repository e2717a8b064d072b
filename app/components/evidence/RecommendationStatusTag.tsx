import { STATUS_LABELS, type RecommendationStatus } from "~/lib/recommendations";

const TAG_CLASS: Record<RecommendationStatus, string> = {
  overdue: "nhsuk-tag--red",
  "due-soon": "nhsuk-tag--yellow",
  awaiting: "nhsuk-tag--grey",
  responded: "nhsuk-tag--green",
};

/** Where a recommendation stands, in words (the colour only repeats them). */
export function RecommendationStatusTag({ status }: { status: RecommendationStatus }) {
  return <strong className={`nhsuk-tag ${TAG_CLASS[status]}`}>{STATUS_LABELS[status]}</strong>;
}
