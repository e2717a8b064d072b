import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";

export interface PickerOption {
  /** The submitted value ("kind:id"). */
  value: string;
  /** Matched by the type-ahead and shown before the label ("EDS 2022 1A"). */
  code: string;
  label: string;
  detail?: string;
  /** Heading of the option's group in the no-JavaScript fallback ("Outcomes"). */
  group: string;
}

interface Props {
  name: string;
  legend: string;
  hint?: string;
  options: PickerOption[];
  selected: string[];
  error?: string;
  /** Lets people add a free value ("theme:new:<text>") when nothing matches. */
  allowNew?: { prefix: string; noun: string };
  id?: string;
}

/**
 * An accessible multi-select with type-ahead on codes and names, reusable wherever things are
 * tagged to outcomes, characteristics, PSED aims or themes. Without JavaScript it is a set of
 * grouped checkboxes (plus a text box for a new value); with it, a combobox (WAI-ARIA pattern):
 * type to filter, arrows to move, Enter to add, Backspace on an empty box removes the last tag.
 */
export function TagPicker(props: Props) {
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  return enhanced ? <Combobox {...props} /> : <Fallback {...props} />;
}

function HintAndError({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      ) : null}
    </>
  );
}

const describedBy = (id: string, hint?: string, error?: string) => [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined;

function Fallback({ name, legend, hint, options, selected, error, allowNew, id = name }: Props) {
  const groups = [...new Set(options.map((o) => o.group))];
  const chosen = new Set(selected);
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        {groups.map((group, g) => (
          <details className="nhsuk-details" key={group} open={options.some((o) => o.group === group && chosen.has(o.value))}>
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">{group}</span>
            </summary>
            <div className="nhsuk-details__text nhsuk-checkboxes nhsuk-checkboxes--small">
              {options
                .filter((o) => o.group === group)
                .map((o, i) => {
                  const inputId = g === 0 && i === 0 ? id : `${id}-${g}-${i}`;
                  return (
                    <div className="nhsuk-checkboxes__item" key={o.value}>
                      <input className="nhsuk-checkboxes__input" id={inputId} name={name} type="checkbox" value={o.value} defaultChecked={chosen.has(o.value)} />
                      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={inputId}>
                        {o.code} {o.label}
                      </label>
                    </div>
                  );
                })}
            </div>
          </details>
        ))}
        {allowNew ? (
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={`${id}-new`}>
              Add a new {allowNew.noun} (optional)
            </label>
            {/* A new value typed before an error comes back here, as `selected` carries it. */}
            <input className="nhsuk-input nhsuk-input--width-20" id={`${id}-new`} name={`${name}New`} type="text" defaultValue={selected.find((v) => v.startsWith(allowNew.prefix))?.slice(allowNew.prefix.length)} />
          </div>
        ) : null}
      </fieldset>
    </div>
  );
}

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

function Combobox({ name, legend, hint, options, selected, error, allowNew, id = name }: Props) {
  const [chosen, setChosen] = useState<string[]>(selected);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const byValue = useMemo(() => new Map(options.map((o) => [o.value, o])), [options]);

  const matches = useMemo(() => {
    const q = normalise(query);
    const pool = options.filter((o) => !chosen.includes(o.value));
    if (!q) return pool.slice(0, 50);
    const scored = pool
      .map((o) => {
        const code = normalise(o.code);
        const label = normalise(o.label);
        const score = code === q || code.endsWith(` ${q}`) ? 0 : code.includes(q) ? 1 : label.startsWith(q) ? 2 : label.includes(q) ? 3 : (o.detail && normalise(o.detail).includes(q)) ? 4 : -1;
        return { o, score };
      })
      .filter((x) => x.score >= 0)
      .sort((a, b) => a.score - b.score);
    const list: PickerOption[] = scored.slice(0, 50).map((x) => x.o);
    if (allowNew && q && !options.some((o) => o.value.startsWith(allowNew.prefix.replace(/new:$/, "")) && normalise(o.label) === q)) {
      list.push({ value: `${allowNew.prefix}${query.trim()}`, code: `New ${allowNew.noun}:`, label: query.trim(), group: "" });
    }
    return list;
  }, [options, chosen, query, allowNew]);

  const add = (value: string) => {
    const option = byValue.get(value) ?? matches.find((m) => m.value === value);
    setChosen((c) => [...c, value]);
    setQuery("");
    setActive(0);
    // Closed once a tag is added: left open, the list lay over the "Save tags" button, so the click
    // meant to save landed on an option and added a tag nobody chose. Typing, the arrows or a click
    // in the box open it again.
    setOpen(false);
    setAnnouncement(`Added ${option ? `${option.code} ${option.label}` : value}. ${chosen.length + 1} selected.`);
    inputRef.current?.focus();
  };
  const remove = (value: string) => {
    const option = byValue.get(value);
    setChosen((c) => c.filter((v) => v !== value));
    setAnnouncement(`Removed ${option ? `${option.code} ${option.label}` : value.replace(/^.*:new:/, "")}.`);
    inputRef.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter") {
      if (open && matches[active]) {
        e.preventDefault();
        add(matches[active]!.value);
      }
    } else if (e.key === "Escape") {
      setOpen(false);
    } else if (e.key === "Backspace" && !query && chosen.length) {
      remove(chosen[chosen.length - 1]!);
    }
  };

  return (
    <div className={`nhsuk-form-group peff-picker${error ? " nhsuk-form-group--error" : ""}`}>
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
        {legend}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <ul className="peff-picker__chosen" aria-label={`Selected: ${legend}`}>
        {chosen.map((value) => {
          const o = byValue.get(value);
          const text = o ? `${o.code} ${o.label}` : value.replace(/^.*:new:/, "New: ");
          return (
            <li key={value} className="peff-picker__chip">
              <input type="hidden" name={name} value={value} />
              <span>{text}</span>
              <button type="button" className="peff-picker__remove" onClick={() => remove(value)} aria-label={`Remove ${text}`}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <input
        ref={inputRef}
        id={id}
        className={`nhsuk-input${error ? " nhsuk-input--error" : ""}`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open && matches.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy(id, hint, error)}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={legend} className="peff-picker__list" hidden={!open || matches.length === 0}>
        {matches.map((o, i) => (
          // Mouse users click an option; keyboard users move with the arrows (the input keeps focus).
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li
            key={o.value}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={`peff-picker__option${i === active ? " peff-picker__option--active" : ""}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => add(o.value)}
          >
            <strong>{o.code}</strong> {o.label}
            {o.detail ? <span className="peff-picker__detail">{o.detail}</span> : null}
          </li>
        ))}
      </ul>
      <div className="nhsuk-u-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}

/** Combines a picker's submitted values with its no-JavaScript "new value" box. */
export function pickedValues(formData: FormData, name: string, newPrefix?: string): string[] {
  const values = formData.getAll(name).filter((v): v is string => typeof v === "string" && v !== "");
  const extra = newPrefix ? String(formData.get(`${name}New`) ?? "").trim() : "";
  return extra ? [...values, `${newPrefix}${extra}`] : values;
}
