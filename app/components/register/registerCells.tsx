import type * as Y from "yjs";
import type { LegendEntry } from "#db/schema";
import type { RegisterRow } from "~/lib/register/model";
import type { RegisterOptions } from "~/lib/register/options";
import { CellView, registerChoices } from "./CellView";
import type { Column } from "./columns";
import { EvidenceEditor, SetEditor, StatusEditor, UpdatesEditor } from "./editors";
import type { CellRenderers, EditorArgs } from "./RegisterGrid";
import { TextEditor } from "./TextCell";
import type { Me } from "./useRegisterDoc";

/** The register's column kinds for the shared grid. */
export function registerCells(options: RegisterOptions, legend: LegendEntry[], me: Me): CellRenderers<RegisterRow, Column> {
  return {
    view: (row, column) => <CellView row={row} column={column} options={options} legend={legend} />,
    editor: (args) => <RegisterEditor {...args} options={options} legend={legend} me={me} />,
  };
}

function RegisterEditor({ column, ymap, label, onDone, options, legend, me }: EditorArgs<RegisterRow, Column> & { options: RegisterOptions; legend: LegendEntry[]; me: Me }) {
  switch (column.kind) {
    case "text":
      return <TextEditor text={ymap.get(column.field) as Y.Text} label={label} long={column.long} onDone={onDone} />;
    case "set":
      return <SetEditor row={ymap} field={column.field} label={label} choices={registerChoices(options, column.field)} free={column.free} onDone={onDone} />;
    case "status":
      return <StatusEditor row={ymap} legend={legend} label={label} onDone={onDone} />;
    case "evidence":
      return <EvidenceEditor list={ymap.get("evidence") as Y.Array<unknown>} label={label} choices={options.evidence} onDone={onDone} />;
    case "updates":
      return <UpdatesEditor list={ymap.get("updates") as Y.Array<unknown>} label={label} me={me} onDone={onDone} />;
    case "actions":
      return null;
  }
}
