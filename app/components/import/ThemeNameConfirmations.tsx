import { THEME_NOT_PERSONAL } from "~/lib/pii/theme-name";

/** What the check step offers when a file's only problems are new theme names the personal-data check flags. */
export interface ThemeConfirmation {
  themes: { name: string; key: string }[];
  /** Keys of the boxes ticked when the import was last tried. */
  ticked: string[];
  error?: string;
}

/**
 * A box for each flagged name, as on an item's page: ticked, it sends the key of that exact name
 * (themeNameKey) to the import, which then creates the theme. Id `theme-confirmations` for the
 * error summary's link.
 */
export function ThemeNameConfirmations({ themes, ticked, error }: ThemeConfirmation) {
  const checked = new Set(ticked);
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset className="nhsuk-fieldset" id="theme-confirmations" aria-describedby={`theme-confirmations-hint${error ? " theme-confirmations-error" : ""}`}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">New theme names that may be personal data</legend>
        <div className="nhsuk-hint" id="theme-confirmations-hint">
          Every organisation in the collaborative will see these themes, even on private items. Tick each name that is not about a person, or change it in your file and upload it again.
        </div>
        {error ? (
          <span className="nhsuk-error-message" id="theme-confirmations-error">
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        ) : null}
        <div className="nhsuk-checkboxes">
          {themes.map(({ name, key }, i) => (
            <div className="nhsuk-checkboxes__item" key={key}>
              <input className="nhsuk-checkboxes__input" id={`theme-not-personal-${i + 1}`} name={THEME_NOT_PERSONAL} type="checkbox" value={key} defaultChecked={checked.has(key)} />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`theme-not-personal-${i + 1}`}>
                This theme name is not about a person: “{name}”
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
