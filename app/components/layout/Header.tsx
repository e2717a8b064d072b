import { Form, Link, useLocation } from "@remix-run/react";
import { ROLE_LABELS } from "~/policies/roles";
import { isCurrent, NAV_ITEMS } from "~/lib/navigation";
import { SERVICE_NAME } from "~/lib/meta";
import type { Role } from "#db/schema";

export interface HeaderUser {
  name: string;
  active: { key: string; orgName: string; collaborativeName: string; role: Role };
  contexts: { key: string; orgName: string; collaborativeName: string; role: Role }[];
}

function NhsLogo() {
  return (
    <svg className="nhsuk-header__logo" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80" height="40" width="100" focusable="false" role="img" aria-label="NHS">
      <title>NHS</title>
      <path
        fill="currentcolor"
        d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z"
      />
    </svg>
  );
}

/** The NHS.UK header: service name, the account area (person, sign out) and the areas of the product. */
export function Header({ user, demo }: { user: HeaderUser | null; demo: boolean }) {
  const { pathname } = useLocation();
  return (
    <header className="nhsuk-header" data-module="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-logo" to="/" aria-label={`NHS ${SERVICE_NAME} homepage`}>
            <NhsLogo />
            <span className="nhsuk-header__service-name">{SERVICE_NAME}</span>
          </Link>
        </div>
        {user ? (
          <nav className="nhsuk-header__account" aria-label="Account">
            <ul className="nhsuk-header__account-list">
              <li className="nhsuk-header__account-item">
                <Link className="nhsuk-header__account-link" to="/account">
                  <span data-testid="signed-in-as">{user.name}</span>
                  <span className="nhsuk-u-visually-hidden">: your account</span>
                </Link>
              </li>
              <li className="nhsuk-header__account-item">
                <Form method="post" action="/sign-out" className="nhsuk-header__account-form">
                  <button className="nhsuk-header__account-button" type="submit">
                    Sign out
                  </button>
                </Form>
              </li>
            </ul>
          </nav>
        ) : null}
      </div>
      {user ? (
        <nav className="nhsuk-header__navigation" aria-label="Menu">
          <div className="nhsuk-header__navigation-container nhsuk-width-container">
            <ul className="nhsuk-header__navigation-list">
              {NAV_ITEMS.map((item) => {
                const current = isCurrent(item, pathname);
                return (
                  <li key={item.href} className={`nhsuk-header__navigation-item${current ? " nhsuk-header__navigation-item--current" : ""}`}>
                    <Link className="nhsuk-header__navigation-link" to={item.href} aria-current={current ? "page" : undefined}>
                      {current ? <strong className="nhsuk-header__navigation-item-current-fallback">{item.label}</strong> : item.label}
                    </Link>
                  </li>
                );
              })}
              <li className="nhsuk-header__menu" hidden>
                <button className="nhsuk-header__menu-toggle nhsuk-header__navigation-link" id="toggle-menu" aria-expanded="false" type="button">
                  <span className="nhsuk-u-visually-hidden">Browse </span>More
                </button>
              </li>
            </ul>
          </div>
        </nav>
      ) : null}
      {user ? <ContextBar user={user} /> : null}
      {demo ? (
        <div className="peff-demo-banner">
          <div className="nhsuk-width-container">
            <p className="nhsuk-body-s">
              <strong>Demo data.</strong> Everything in this collaborative is invented for demonstration.
            </p>
          </div>
        </div>
      ) : null}
    </header>
  );
}

/** Who you are acting as; switch organisation without JavaScript (a form) or with it. */
function ContextBar({ user }: { user: HeaderUser }) {
  const { pathname, search } = useLocation();
  return (
    <div className="peff-context-bar">
      <div className="nhsuk-width-container peff-context-bar__inner">
        <p className="peff-context-bar__text nhsuk-body-s">
          Acting for <strong data-testid="active-organisation">{user.active.orgName}</strong> as {ROLE_LABELS[user.active.role].toLowerCase()}
          <span className="peff-context-bar__collab"> in {user.active.collaborativeName}</span>
        </p>
        {user.contexts.length > 1 ? (
          <Form method="post" action="/switch-organisation" className="peff-context-bar__form">
            <input type="hidden" name="redirectTo" value={pathname + search} />
            <label className="nhsuk-label nhsuk-body-s peff-context-bar__label" htmlFor="switch-organisation">
              Switch organisation
            </label>
            <select className="nhsuk-select peff-context-bar__select" id="switch-organisation" name="context" defaultValue={user.active.key}>
              {user.contexts.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.orgName} ({ROLE_LABELS[c.role].toLowerCase()}){user.contexts.some((o) => o.collaborativeName !== c.collaborativeName) ? ` – ${c.collaborativeName}` : ""}
                </option>
              ))}
            </select>
            <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small peff-context-bar__button" type="submit">
              Switch
            </button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
