import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EvidenceAnchor, StatusTag } from "~/components/register/CellView";
import { listRegisterRows } from "~/domain/register/list-register-rows.server";
import { guarded } from "~/lib/http.server";
import { formatDate, formatDateTime } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { labelOf } from "~/lib/register/options";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("Barrier register: printable view");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const { register, rows } = await listRegisterRows(context.database, actor);
    return { register, rows, collaborativeName: actor.active.collaborativeName, printedAt: new Date().toISOString() };
  });
}

/** One block per row (a wide grid does not fit on paper), statuses as words and colour names. */
export default function PrintRegister() {
  const { register, rows, collaborativeName, printedAt } = useLoaderData<typeof loader>();
  const { options } = register;
  return (
    <>
      <p className="peff-no-print">
        <Link to="/register">Back to the register</Link>. Use your browser&apos;s print command to print or save as PDF.
      </p>
      <span className="nhsuk-caption-l">{collaborativeName}</span>
      <h1>{register.title}</h1>
      <p>
        {rows.length} rows, as saved at {formatDateTime(printedAt)}. Status legend: {register.legend.map((s) => `${s.label} (${s.colour})`).join(", ")}.
      </p>
      {rows.length === 0 ? <p>The register has no rows yet.</p> : null}
      {rows.map((r, i) => (
        <section key={r.rowKey} className="register-print-row" aria-labelledby={`row-${r.rowKey}`}>
          <h2 className="nhsuk-heading-s" id={`row-${r.rowKey}`}>
            {i + 1}. {r.barrier || "Untitled barrier"}
          </h2>
          <dl className="nhsuk-summary-list">
            <Item term="Status">
              <StatusTag status={r.status} legend={register.legend} />
            </Item>
            <Item term="Characteristics or groups">{r.characteristics.map((c) => labelOf(options.characteristics, c)).join("; ") || "None"}</Item>
            <Item term="Issue at play">{r.issue || "None"}</Item>
            <Item term="How identified">{r.identifiedBy || "None"}</Item>
            <Item term="Supporting evidence">
              {r.evidence.length ? (
                <ul className="nhsuk-list">
                  {r.evidence.map((e, j) => (
                    <li key={j}>
                      {/* An item the reader cannot see is named, never linked: its page would only say "not found". */}
                      {e.unreadable ? (
                        e.title
                      ) : (
                        <>
                          <EvidenceAnchor link={e} /> ({e.url})
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                "None"
              )}
            </Item>
            <Item term="EDS outcomes">{r.edsOutcomes.map((o) => labelOf(options.edsOutcomes, o)).join("; ") || "None"}</Item>
            <Item term="PSED aims">{r.psedAims.map((a) => labelOf(options.psedAims, a)).join("; ") || "None"}</Item>
            <Item term="Themes">{r.themes.join("; ") || "None"}</Item>
            <Item term="Lead organisation and contact">{[r.leadOrganisation, r.contactRole].filter(Boolean).join(", ") || "None"}</Item>
            <Item term="Updates">
              {r.updates.length ? (
                <ul className="nhsuk-list">
                  {r.updates.map((u, j) => (
                    <li key={j}>
                      <strong>{formatDate(u.at)}</strong>, {u.authorName}: {u.text}
                    </li>
                  ))}
                </ul>
              ) : (
                "None"
              )}
            </Item>
          </dl>
        </section>
      ))}
    </>
  );
}

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{term}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}
