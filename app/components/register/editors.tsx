import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type * as Y from "yjs";
import type { LegendEntry } from "#db/schema";
import { readableLink, type EvidenceTitles } from "~/lib/register/evidence-titles";
import { linkEntry, updateEntry } from "~/lib/register/model";
import { rowSet } from "~/lib/register/row-set";
import type { Choice, EvidenceChoice } from "~/lib/register/options";
import type { Me } from "./useRegisterDoc";

/** An in-cell editor panel: focuses its first control; Escape returns to the grid. */
export function EditorPanel({ label, onDone, children }: { label: string; onDone(): void; children: ReactNode }) {
  const ref = useRef<HTMLFieldSetElement>(null);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    const panel = ref.current;
    panel?.querySelector<HTMLElement>("input, select, textarea, button")?.focus();
    // Show the whole panel when it fits (a wide panel in a right-hand column of the scrolling grid).
    panel?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    // Escape from any control in the panel returns to the grid cell.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        done.current();
      }
    };
    panel?.addEventListener("keydown", onKey);
    return () => panel?.removeEventListener("keydown", onKey);
  }, []);
  return (
    <fieldset ref={ref} className="nhsuk-fieldset register-panel">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{label}</legend>
      {children}
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={onDone}>
        Done
      </button>
    </fieldset>
  );
}

/** Ticks in a row's set (see row-set.ts): two people ticking different boxes both keep their tick. */
export function SetEditor({ row, field, label, choices, free, onDone }: { row: Y.Map<unknown>; field: string; label: string; choices: Choice[]; free?: boolean; onDone(): void }) {
  const set = useMemo(() => rowSet(row, field), [row, field]);
  const [selected, setSelected] = useState(() => set.values());
  const [draft, setDraft] = useState("");
  useEffect(() => set.observe(() => setSelected(set.values())), [set]);
  const toggle = (code: string, on: boolean) => (on ? set.add(code) : set.remove(code));
  const shown = free ? selected.map((code) => ({ code, label: code })) : choices;
  return (
    <EditorPanel label={label} onDone={onDone}>
      <div className="nhsuk-checkboxes nhsuk-checkboxes--small register-choices">
        {shown.map((c) => (
          <div className="nhsuk-checkboxes__item" key={c.code}>
            <input className="nhsuk-checkboxes__input" id={`${label}-${c.code}`} type="checkbox" checked={selected.includes(c.code)} onChange={(e) => toggle(c.code, e.target.checked)} />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${label}-${c.code}`}>
              {c.label}
            </label>
          </div>
        ))}
      </div>
      {free ? (
        <div className="register-add">
          <label className="nhsuk-label" htmlFor={`${label}-new`}>
            Add a theme
          </label>
          <input
            id={`${label}-new`}
            className="nhsuk-input nhsuk-input--width-20"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && draft.trim()) {
                e.preventDefault();
                set.add(draft.trim().toLowerCase());
                setDraft("");
              }
            }}
          />
        </div>
      ) : null}
    </EditorPanel>
  );
}

export function StatusEditor({ row, legend, label, onDone }: { row: Y.Map<unknown>; legend: LegendEntry[]; label: string; onDone(): void }) {
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <select
      ref={ref}
      className="nhsuk-select register-editor"
      aria-label={label}
      value={(row.get("status") as string | null) ?? ""}
      onChange={(e) => row.set("status", e.target.value || null)}
      onKeyDown={(e) => {
        if (e.key === "Escape" || e.key === "Enter") {
          e.preventDefault();
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <option value="">No status</option>
      {legend.map((s) => (
        <option key={s.key} value={s.key}>
          {s.label} ({s.colour})
        </option>
      ))}
    </select>
  );
}

/** A link entry's field: a plain entry, or a Y.Map in registers written before links became plain. */
const fieldOf = (entry: unknown, key: string): string => {
  const value = entry && typeof (entry as Y.Map<unknown>).get === "function" ? (entry as Y.Map<unknown>).get(key) : (entry as Record<string, unknown> | null)?.[key];
  return String(value ?? "");
};
const linksOf = (list: Y.Array<unknown>) => (list.toArray() as unknown[]).map((m) => ({ url: fieldOf(m, "url"), title: fieldOf(m, "title"), evidenceId: fieldOf(m, "evidenceId") || null }));

/** A cell's evidence links; with `titles`, listed (and named to screen readers) as the reader may see them (see `EvidenceList`). */
export function EvidenceEditor({ list, label, choices, titles, onDone }: { list: Y.Array<unknown>; label: string; choices?: EvidenceChoice[]; titles?: EvidenceTitles; onDone(): void }) {
  const [picked, setPicked] = useState("");
  const [url, setUrl] = useState("");
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [items, setItems] = useState(() => linksOf(list));
  useEffect(() => {
    const observe = () => setItems(linksOf(list));
    list.observeDeep(observe);
    return () => list.unobserveDeep(observe);
  }, [list]);
  const link = () => {
    const item = choices?.find((c) => c.id === picked);
    if (!item) return setError("Choose an evidence item to link");
    if (items.some((i) => i.evidenceId === item.id)) return setError("That item is already linked");
    list.push([linkEntry({ url: `/evidence/${item.id}`, title: item.title, evidenceId: item.id })]);
    setPicked("");
    setError(null);
  };
  const add = () => {
    if (!/^https?:\/\/\S+$/i.test(url.trim())) return setError("Enter a web address starting with http:// or https://");
    list.push([linkEntry({ url: url.trim(), title: title.trim() || url.trim() })]);
    setUrl("");
    setTitle("");
    setError(null);
  };
  return (
    <EditorPanel label={label} onDone={onDone}>
      <ul className="nhsuk-list">
        {(titles ? items.map((item) => readableLink(item, titles)) : items).map((item, i) => (
          <li key={`${item.url}-${i}`}>
            {item.title}{" "}
            <button
              type="button"
              className="register-link-button"
              onClick={(e) => {
                // The button goes with its link: keep focus in the panel.
                e.currentTarget.closest("fieldset")?.querySelector<HTMLElement>("input")?.focus();
                list.delete(i, 1);
              }}
            >
              Remove<span className="nhsuk-u-visually-hidden"> {item.title}</span>
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <span className="nhsuk-error-message" id={`${label}-error`} role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      ) : null}
      {choices ? (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={`${label}-item`}>
            An item from the evidence library
          </label>
          <select id={`${label}-item`} className="nhsuk-select" value={picked} onChange={(e) => setPicked(e.target.value)}>
            <option value="">Choose an item</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>{" "}
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={link}>
            Link the item
          </button>
        </div>
      ) : null}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${label}-url`}>
          {choices ? "Or a link to another report (web address)" : "Link (web address)"}
        </label>
        <input id={`${label}-url`} className="nhsuk-input" value={url} onChange={(e) => setUrl(e.target.value)} aria-describedby={error ? `${label}-error` : undefined} />
        <label className="nhsuk-label" htmlFor={`${label}-title`}>
          Title
        </label>
        <input id={`${label}-title`} className="nhsuk-input" value={title} onChange={(e) => setTitle(e.target.value)} />
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={add}>
          Add link
        </button>
      </div>
    </EditorPanel>
  );
}

/** The dated update log: entries are appended with their author, never edited or removed. */
export function UpdatesEditor({ list, label, me, onDone }: { list: Y.Array<unknown>; label: string; me: Me; onDone(): void }) {
  const [draft, setDraft] = useState("");
  const box = useRef<HTMLTextAreaElement>(null);
  return (
    <EditorPanel label={label} onDone={onDone}>
      <label className="nhsuk-label" htmlFor={`${label}-new`}>
        Add a dated update
      </label>
      <textarea ref={box} id={`${label}-new`} className="nhsuk-textarea" rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} />
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        disabled={!draft.trim()}
        onClick={() => {
          list.push([updateEntry({ at: new Date().toISOString(), authorId: me.id, authorName: `${me.name} (${me.organisation})`, text: draft.trim() })]);
          setDraft("");
          // The button disables itself: keep focus in the panel (Escape still leaves it).
          box.current?.focus();
        }}
      >
        Add update
      </button>
    </EditorPanel>
  );
}
