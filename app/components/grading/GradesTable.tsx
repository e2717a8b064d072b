import type { AssessmentView } from "~/domain/grading/get-assessment.server";
import { formatDate } from "~/lib/labels";
import { scaleColour, scaleLabel } from "~/policies/assessment-results";
import { TableRegion } from "~/components/TableRegion";
import { EvidenceLinks, type LinkedEvidenceProps } from "./EvidenceLinks";
import { GradeTag } from "./GradeTag";

type Serialised = Pick<AssessmentView, "framework" | "results" | "services"> & {
  grades: ({ outcomeId: string; serviceId: string | null; value: number; rationale: string; agreedByName: string | null; agreedAt: string | Date | null } & Partial<LinkedEvidenceProps>)[];
};

/** Every outcome's grade, its rationale, its linked evidence and who agreed it; the anchor `outcome-<code>` is the drill-down target. */
export function GradesTable({ view }: { view: Serialised }) {
  const { framework } = view;
  const serviceName = new Map(view.services.map((s) => [s.id, s.name]));
  return (
    <section aria-labelledby="grades">
      <h2 id="grades">{framework.code === "EDS2022" ? "Outcome scores" : "Outcome grades"}</h2>
      {framework.groups.map((g) => (
        <TableRegion key={g.id} label={`${framework.groupNoun === "goal" ? "Goal" : "Domain"} ${g.code}: ${g.name}`}>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption">
              {framework.groupNoun === "goal" ? "Goal" : "Domain"} {g.code}: {g.name}
            </caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">Outcome</th>
                <th scope="col" className="nhsuk-table__header">{framework.code === "EDS2022" ? "Score" : "Grade"}</th>
                <th scope="col" className="nhsuk-table__header">Rationale</th>
                <th scope="col" className="nhsuk-table__header">Evidence</th>
                <th scope="col" className="nhsuk-table__header">Agreed</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {g.outcomes.flatMap((o) => {
                const grades = view.grades.filter((x) => x.outcomeId === o.id);
                type Row = { s: { id: string } | null; grade: (typeof grades)[number] | undefined };
                const rows: Row[] = o.scoredPerService ? view.services.map((s) => ({ s, grade: grades.find((x) => x.serviceId === s.id) })) : [{ s: null, grade: grades[0] }];
                if (rows.length === 0) rows.push({ s: null, grade: undefined });
                return rows.map(({ s, grade }, i) => (
                  <tr className="nhsuk-table__row" key={`${o.id}-${s?.id ?? ""}`} id={i === 0 ? `outcome-${o.code}` : undefined}>
                    <th scope="row" className="nhsuk-table__header">
                      {o.code} {o.title}
                      {s ? <span className="nhsuk-caption-m">for {serviceName.get(s.id)}</span> : null}
                      {o.scoredPerService && !s ? <span className="nhsuk-caption-m">no service yet</span> : null}
                      <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-secondary-text-colour">{o.wording}</span>
                    </th>
                    <td className="nhsuk-table__cell">
                      {grade ? (
                        <GradeTag text={framework.code === "EDS2022" ? `${grade.value} ${scaleLabel(framework, grade.value)}` : scaleLabel(framework, grade.value)} colour={scaleColour(framework, grade.value)} />
                      ) : (
                        "Not graded"
                      )}
                    </td>
                    <td className="nhsuk-table__cell">{grade?.rationale || (grade ? "No rationale recorded" : "")}</td>
                    <td className="nhsuk-table__cell">
                      {grade ? (
                        <EvidenceLinks
                          evidence={grade.evidence ?? []}
                          privateEvidence={grade.privateEvidence ?? []}
                          label={`Evidence for ${o.code}${s ? `, ${serviceName.get(s.id)}` : ""}`}
                        />
                      ) : null}
                    </td>
                    <td className="nhsuk-table__cell">{grade ? (grade.agreedByName ? `Agreed by ${grade.agreedByName}, ${formatDate(grade.agreedAt as string)}` : "Draft") : ""}</td>
                  </tr>
                ));
              })}
            </tbody>
          </table>
        </TableRegion>
      ))}
    </section>
  );
}
