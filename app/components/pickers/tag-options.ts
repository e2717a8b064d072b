import type { TagOption } from "~/domain/evidence/tag-options.server";
import type { PickerOption } from "./TagPicker";

const GROUPS: Record<TagOption["kind"], string> = {
  outcome: "Framework outcomes (EDS2 and EDS 2022)",
  characteristic: "Characteristics and groups",
  psed: "Public Sector Equality Duty aims",
  theme: "Themes",
};

/** Tag options (outcomes, characteristics, PSED aims, themes) as picker options, grouped for the no-JavaScript fallback. */
export function tagPickerOptions(options: TagOption[]): PickerOption[] {
  return options.map((o) => ({ value: `${o.kind}:${o.id}`, code: o.code, label: o.label, detail: o.detail, group: GROUPS[o.kind] }));
}
