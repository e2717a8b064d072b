import type * as Y from "yjs";
import type { LegendEntry } from "#db/schema";
import type { EvidenceTitles } from "~/lib/register/evidence-titles";
import type { RegisterRow } from "~/lib/register/model";
import type { RegisterOptions } from "~/lib/register/options";
import { CellView, registerChoices } from "./CellView";
import type { Column } from "./columns";
import { EvidenceEditor, SetEditor, StatusEditor, UpdatesEditor } from "./editors";
import type { CellRenderers, EditorArgs } from "./RegisterGrid";
import { TextEditor } from "./TextCell";
import type { Me } from "./useRegisterDoc";

/**
 * The register's column kinds for the shared grid. Evidence links are titled by `titles`, the
 * library as this reader may see it (see `readableLink`), never by the titles the document stores.
 */
export function registerCells(options: RegisterOptions, legend: LegendEntry[], me: Me, titles: EvidenceTitles): CellRenderers<RegisterRow, Column> {
  return {
    view: (row, column) => <CellView row={row} column={column} options={options} legend={legend} titles={titles} />,
    editor: (args) => <RegisterEditor {...args} options={options} legend={legend} me={me} titles={titles} />,
  };
}

function RegisterEditor({ column, ymap, label, onDone, options, legend, me, titles }: EditorArgs<RegisterRow, Column> & { options: RegisterOptions; legend: LegendEntry[]; me: Me; titles: EvidenceTitles }) {
  switch (column.kind) {
    case "text":
      return <TextEditor text={ymap.get(column.field) as Y.Text} label={label} long={column.long} onDone={onDone} />;
    case "set":
      return <SetEditor row={ymap} field={column.field} label={label} choices={registerChoices(options, column.field)} free={column.free} onDone={onDone} />;
    case "status":
      return <StatusEditor row={ymap} legend={legend} label={label} onDone={onDone} />;
    case "evidence":
      return <EvidenceEditor list={ymap.get("evidence") as Y.Array<unknown>} label={label} choices={options.evidence} titles={titles} onDone={onDone} />;
    case "updates":
      return <UpdatesEditor list={ymap.get("updates") as Y.Array<unknown>} label={label} me={me} onDone={onDone} />;
    case "actions":
      return null;
  }
}
