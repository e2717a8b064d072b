import { formatDate } from "~/lib/labels";
import type { DeadlineStatus } from "~/policies/grading";

/**
 * An unpublished assessment's publication deadline in words: "Due by 28 February 2025", or once
 * it has passed "Overdue: was due by 28 February 2025", the word in a tag whose colour only
 * repeats it (`deadlineStatus` decides, with England's today, in the loader).
 */
export function PublicationDeadline({ deadline, status }: { deadline: string | null; status: DeadlineStatus }) {
  if (!deadline) return <>No deadline set</>;
  if (status !== "overdue") return <>Due by {formatDate(deadline)}</>;
  return (
    <>
      <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>
      <span className="nhsuk-u-visually-hidden">:</span> was due by {formatDate(deadline)}
    </>
  );
}
