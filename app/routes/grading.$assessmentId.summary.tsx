import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ScreenTableView } from "~/components/compare/ScreenTableView";
import { GradeTag } from "~/components/grading/GradeTag";
import { getSummary } from "~/domain/grading/get-summary.server";
import { guarded } from "~/lib/http.server";
import { formatDate } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `${data.title}, ${data.orgName}` : "Summary report");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(() => getSummary(context.database, actor, params.assessmentId!));
}

export default function Summary() {
  const s = useLoaderData<typeof loader>();
  return (
    <article className="peff-summary">
      <Link to={`/grading/${s.assessmentId}`} className="nhsuk-back-link peff-no-print">
        Back to the assessment
      </Link>
      {!s.published ? (
        <div className="nhsuk-warning-callout peff-no-print">
          <h2 className="nhsuk-warning-callout__label">
            <span className="nhsuk-u-visually-hidden">Important: </span>Preview
            
          </h2>
          <p>This assessment is not published yet. Only your organisation can see this preview.</p>
        </div>
      ) : null}
      <h1>
        <span className="nhsuk-caption-l">{s.orgName}</span>
        {s.title}
      </h1>
      {s.publishedOn ? <p>Published {formatDate(s.publishedOn)}.</p> : null}
      <p className="peff-no-print">
        Download: <a href={`/grading/${s.assessmentId}/export?format=csv`}>CSV</a> or <a href={`/grading/${s.assessmentId}/export?format=xlsx`}>Excel (XLSX)</a>. Print this page for a paper copy.
      </p>
      <h2 className="nhsuk-heading-s">Key</h2>
      <ul className="nhsuk-list">
        {s.key.map((p) => (
          <li key={p.value}>
            <GradeTag text={s.frameworkCode === "EDS2022" ? `${p.value} ${p.label}` : p.label} colour={p.colour} />: {p.description}
          </li>
        ))}
      </ul>
      <ScreenTableView table={s.table} />
      {s.overall ? (
        <p className="nhsuk-body-l">
          <GradeTag text={s.overall.text} colour={s.overall.colour} />
        </p>
      ) : null}
      {s.actionPlan ? (
        <section aria-labelledby="action-plan">
          <h2 id="action-plan">EDS action plan</h2>
          {s.actionPlan.rows.length ? (
            <ScreenTableView table={s.actionPlan} />
          ) : (
            <p>
              {s.published
                ? "No EDS action plan lines were recorded when this summary was published."
                : "No action plan lines yet: actions in your EDS action plan (a plan of that kind under Plans) that name EDS 2022 outcomes appear here, and are kept with the summary when it is published."}
            </p>
          )}
        </section>
      ) : null}
      <section aria-labelledby="alternative-format">
        <h2 id="alternative-format">Alternative formats and contact</h2>
        {s.footer.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </section>
    </article>
  );
}
