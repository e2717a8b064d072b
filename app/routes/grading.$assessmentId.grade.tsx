import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { Choices, Select, TextInput, Textarea } from "~/components/form/fields";
import { EvidencePicker } from "~/components/grading/EvidencePicker";
import { policyActor } from "~/domain/auth/actor";
import { UNTAGGED_CHOICES } from "~/domain/grading/evidence-choices";
import { getAssessment, listEvidenceChoices } from "~/domain/grading/get-assessment.server";
import { addService, removeService } from "~/domain/grading/manage-services.server";
import { saveGrades, type GradeEntry } from "~/domain/grading/save-grades.server";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { formValues, parseForm, valueOf, valuesOf, type FormValues } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { ensure, requireActor } from "~/lib/session.server";
import { allOutcomes } from "~/policies/assessment-results";
import { canEditAssessment, gradeField, gradeFingerprint, yearLabel, type GradeSlotState } from "~/policies/grading";

export const meta: MetaFunction = () => pageTitle("Grade outcomes");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const view = await getAssessment(context.database, actor, params.assessmentId!);
    ensure(canEditAssessment(policyActor(actor), view.assessment), "Only the organisation's equality lead grades, and not once the assessment is published");
    const evidenceChoices = await listEvidenceChoices(
      context.database,
      actor,
      allOutcomes(view.framework).map((o) => o.id),
    );
    return { view, evidenceChoices, title: `${view.framework.code === "EDS2" ? "EDS2" : "EDS 2022"} ${yearLabel(view.assessment.yearStart)}` };
  });
}

const serviceSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add-service"), name: z.string().trim().min(1, "Enter the name of the service").max(200, "The service name must be 200 characters or fewer") }),
  z.object({ intent: z.literal("remove-service"), serviceId: z.string().uuid() }),
]);

/** One grade slot as the form sent it: "" clears a grade, anything else must be a scale value. */
function slotState(values: FormValues, field: string): GradeSlotState & { evidenceIds: string[] } {
  const raw = valueOf(values, field).trim();
  return {
    value: raw === "" ? null : /^\d+$/.test(raw) ? Number(raw) : Number.NaN,
    rationale: valueOf(values, `${field}-rationale`).trim(),
    agreed: valueOf(values, `${field}-agreed`) === "yes",
    // The form always offers evidence for every slot, so nothing ticked unlinks everything.
    evidenceIds: valuesOf(values, `${field}-evidence`),
  };
}

/** Every grade slot of the assessment, read from the form, with the fingerprint of the grade the form was drawn with. */
function gradeEntries(values: FormValues, slots: { outcomeId: string; serviceId: string | null }[]): GradeEntry[] {
  return slots
    .filter((slot) => gradeField(slot.outcomeId, slot.serviceId) in values)
    .map((slot) => {
      const field = gradeField(slot.outcomeId, slot.serviceId);
      return { ...slot, ...slotState(values, field), loaded: `${field}-loaded` in values ? valueOf(values, `${field}-loaded`) : undefined };
    });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const id = params.assessmentId!;
  const formData = await request.formData();
  const values = formValues(formData);
  if (values.intent === "grades") {
    return formGuarded(values, async () => {
      const view = await getAssessment(context.database, actor, id);
      const slots = allOutcomes(view.framework).flatMap((o) =>
        o.scoredPerService ? view.services.map((s) => ({ outcomeId: o.id, serviceId: s.id as string | null })) : [{ outcomeId: o.id, serviceId: null }],
      );
      await saveGrades(context.database, actor, id, gradeEntries(values, slots));
      throw redirect(`/grading/${id}?done=grades`);
    });
  }
  const parsed = parseForm(formData, serviceSchema);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  return formGuarded(values, async () => {
    if (parsed.data.intent === "add-service") await addService(context.database, actor, id, parsed.data.name);
    else await removeService(context.database, actor, id, parsed.data.serviceId);
    throw redirect(`/grading/${id}/grade#services`);
  });
}

export default function GradeOutcomes() {
  const { view, evidenceChoices, title } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const typed = result && !result.ok && valueOf(result.values, "intent") === "grades" ? result.values : undefined;
  const { framework } = view;
  const isEds2022 = framework.code === "EDS2022";
  const current = (outcomeId: string, serviceId: string | null) => view.grades.find((g) => g.outcomeId === outcomeId && g.serviceId === serviceId);
  const scaleOptions = framework.scale.map((p) => ({ value: String(p.value), label: isEds2022 ? `${p.value} ${p.label}` : p.label }));

  const slot = (o: (typeof framework.groups)[number]["outcomes"][number], service: { id: string; name: string } | null) => {
    const field = gradeField(o.id, service?.id ?? null);
    const g = current(o.id, service?.id ?? null);
    const fresh = gradeFingerprint(g ? { value: g.value, rationale: g.rationale, agreed: g.agreedBy !== null, evidenceIds: g.evidenceIds } : null);
    // After a refused save the form shows what was sent (the browser keeps it anyway), so it
    // keeps the grade each slot was drawn with too: a slot left alone is still recognised as such.
    // A slot refused on its own field (someone else saved it meanwhile) takes the grade as it
    // stands, so saving again, having seen the message, keeps this person's.
    const loaded = typed && !errors?.[field] ? valueOf(typed, `${field}-loaded`) || fresh : fresh;
    return (
      <fieldset className="nhsuk-fieldset peff-grade-slot" key={field}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          {o.code} {o.title}
          {service ? `, ${service.name}` : ""}
        </legend>
        <input type="hidden" name={`${field}-loaded`} value={loaded} />
        <p className="nhsuk-body-s">{o.wording}</p>
        <Select
          name={field}
          label={`${isEds2022 ? "Score" : "Grade"} for ${o.code}${service ? `, ${service.name}` : ""}`}
          options={scaleOptions}
          placeholder="Not graded"
          defaultValue={typed ? valueOf(typed, field) : g ? String(g.value) : ""}
          error={errors?.[field]}
        />
        <Textarea name={`${field}-rationale`} label="Rationale" rows={2} defaultValue={typed ? valueOf(typed, `${field}-rationale`) : (g?.rationale ?? "")} error={errors?.[`${field}-rationale`]} />
        <Choices
          type="checkbox"
          name={`${field}-agreed`}
          legend={<span className="nhsuk-u-visually-hidden">Agreement for {o.code}</span>}
          options={[{ value: "yes", label: g?.agreedByName ? `Agreed (by ${g.agreedByName})` : "I agree this grade" }]}
          defaultValue={typed ? valuesOf(typed, `${field}-agreed`) : g?.agreedBy ? ["yes"] : []}
          small
        />
        <EvidencePicker
          name={`${field}-evidence`}
          outcomeId={o.id}
          outcomeCode={o.code}
          slotLabel={`${o.code}${service ? `, ${service.name}` : ""}`}
          choices={[
            ...evidenceChoices,
            // Linked items the lists above leave out (older and untagged) stay offered, ticked.
            ...(g?.evidence ?? [])
              .filter((e) => !evidenceChoices.some((c) => c.id === e.id))
              .map((e) => ({ id: e.id, title: e.title, orgName: e.orgName, own: e.orgId === view.assessment.orgId, shared: e.shared, date: null, outcomeIds: [] })),
          ]}
          untaggedLimit={UNTAGGED_CHOICES}
          selected={typed ? valuesOf(typed, `${field}-evidence`) : (g?.evidenceIds ?? [])}
          hiddenIds={(g?.evidenceIds ?? []).filter((id) => !g?.evidence.some((e) => e.id === id))}
          error={errors?.[`${field}-evidence`]}
        />
      </fieldset>
    );
  };

  return (
    <>
      <Link to={`/grading/${view.assessment.id}`} className="nhsuk-back-link">
        Back to the assessment
      </Link>
      <ErrorSummary errors={errors} message={result && !result.ok ? result.message : undefined} />
      <h1>
        <span className="nhsuk-caption-l">
          {view.assessment.orgName}, {title}
        </span>
        {isEds2022 ? "Score outcomes" : "Grade outcomes"}
      </h1>
      {isEds2022 ? (
        <section id="services" aria-labelledby="services-heading">
          <h2 id="services-heading">Domain 1 services</h2>
          <p>Domain 1 is scored for each service you assessed (at least one); its score is the median of the service totals.</p>
          {view.services.length ? (
            <ul className="nhsuk-list">
              {view.services.map((s) => (
                <li key={s.id}>
                  <Form method="post" className="peff-inline-form">
                    <span>{s.name}</span>
                    <input type="hidden" name="intent" value="remove-service" />
                    <input type="hidden" name="serviceId" value={s.id} />
                    <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small">
                      Remove<span className="nhsuk-u-visually-hidden"> {s.name} and its scores</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : (
            <p>
              <strong>No service yet.</strong> Add at least one before scoring Domain 1.
            </p>
          )}
          <Form method="post" className="peff-inline-form nhsuk-u-margin-bottom-6" noValidate>
            <input type="hidden" name="intent" value="add-service" />
            <TextInput name="name" label="Service to add" defaultValue={result && !result.ok && valueOf(result.values, "intent") === "add-service" ? valueOf(result.values, "name") : ""} error={errors?.name} />
            <button type="submit" className="nhsuk-button nhsuk-button--secondary">
              Add service
            </button>
          </Form>
        </section>
      ) : null}
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="grades" />
        {framework.groups.map((group) => (
          <section key={group.id} aria-labelledby={`group-${group.code}`}>
            <h2 id={`group-${group.code}`}>
              {framework.groupNoun === "goal" ? "Goal" : "Domain"} {group.code}: {group.name}
            </h2>
            {group.outcomes.flatMap((o) => (o.scoredPerService ? view.services.map((s) => slot(o, s)) : [slot(o, null)]))}
          </section>
        ))}
        <button type="submit" className="nhsuk-button">
          Save grades
        </button>
      </Form>
    </>
  );
}
