import type * as Y from "yjs";
import type { PlanLegendEntry } from "#db/schema";
import { EvidenceList, registerChoices, SetView, StatusTag, TextView, UpdatesList } from "~/components/register/CellView";
import { EvidenceEditor, SetEditor, StatusEditor, UpdatesEditor } from "~/components/register/editors";
import type { CellRenderers, EditorArgs } from "~/components/register/RegisterGrid";
import { TextEditor } from "~/components/register/TextCell";
import type { Me } from "~/components/register/useRegisterDoc";
import type { PlanAction } from "~/lib/plan/model";
import type { Choice, RegisterOptions } from "~/lib/register/options";
import type { PlanColumn } from "./columns";
import { DueEditor, DueView } from "./DueCell";
import type { CurrentSourceView } from "./progress";
import { SourcePanel, SourceView } from "./SourceCell";
import { StepsEditor, StepsView } from "./StepsCell";

export interface PlanCellContext {
  options: RegisterOptions;
  /** The plan's objectives as choices ("1. To make fair ..."). */
  objectives: Choice[];
  legend: PlanLegendEntry[];
  sources: Record<string, CurrentSourceView>;
  me: Me;
  today: string;
}

const choicesFor = (ctx: PlanCellContext, field: string) => (field === "objectives" ? ctx.objectives : registerChoices(ctx.options, field));

/** A plan's column kinds for the shared grid. */
export function planCells(ctx: PlanCellContext, rowNumber: (key: string) => number): CellRenderers<PlanAction, PlanColumn> {
  return {
    view: (row, column, open) => <PlanCellView row={row} column={column} ctx={ctx} rowNumber={rowNumber(row.key)} open={open} />,
    editor: (args) => <PlanEditor {...args} ctx={ctx} />,
  };
}

function PlanCellView({ row, column, ctx, rowNumber, open }: { row: PlanAction; column: PlanColumn; ctx: PlanCellContext; rowNumber: number; open(): void }) {
  switch (column.kind) {
    case "text":
      return <TextView value={row[column.field]} />;
    case "set":
      return <SetView values={row[column.field]} choices={choicesFor(ctx, column.field)} />;
    case "due":
      return <DueView action={row} legend={ctx.legend} today={ctx.today} />;
    case "updates":
      return <UpdatesList updates={row.updates} />;
    case "status":
      return <StatusTag status={row.status} legend={ctx.legend} />;
    case "evidence":
      return <EvidenceList evidence={row.evidence} />;
    case "steps":
      return <StepsView steps={row.steps} legend={ctx.legend} />;
    case "source":
      return <SourceView action={row} sources={ctx.sources} rowNumber={rowNumber} open={open} />;
    case "actions":
      return null;
  }
}

function PlanEditor({ row, column, ymap, label, readOnly, onDone, ctx }: EditorArgs<PlanAction, PlanColumn> & { ctx: PlanCellContext }) {
  const doc = ymap.doc!;
  switch (column.kind) {
    case "text":
      return <TextEditor text={ymap.get(column.field) as Y.Text} label={label} long={column.long} onDone={onDone} />;
    case "set":
      return <SetEditor row={ymap} field={column.field} label={label} choices={choicesFor(ctx, column.field)} onDone={onDone} />;
    case "due":
      return <DueEditor doc={doc} action={row} label={label} readOnly={readOnly} me={ctx.me} onDone={onDone} />;
    case "updates":
      return <UpdatesEditor list={ymap.get("updates") as Y.Array<unknown>} label={label} me={ctx.me} onDone={onDone} />;
    case "status":
      return <StatusEditor row={ymap} legend={ctx.legend} label={label} onDone={onDone} />;
    case "evidence":
      return <EvidenceEditor list={ymap.get("evidence") as Y.Array<unknown>} label={label} choices={ctx.options.evidence} onDone={onDone} />;
    case "steps":
      return <StepsEditor doc={doc} rowKey={row.key} list={ymap.get("steps") as Y.Array<Y.Map<unknown>>} legend={ctx.legend} label={label} onDone={onDone} />;
    case "source":
      return <SourcePanel doc={doc} action={row} sources={ctx.sources} options={ctx.options} label={label} readOnly={readOnly} me={ctx.me} onDone={onDone} />;
    case "actions":
      return null;
  }
}
