import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createMemoryRouter, RouterProvider, UNSAFE_ErrorResponseImpl as ErrorResponseImpl } from "react-router-dom";
import { vi } from "vitest";

/**
 * A route's page as the server draws it (no JavaScript), from what its loader (and action)
 * answered: `path` is the route's pattern, `url` the address shown.
 */
export function renderRoute(page: ComponentType, path: string, url: string, data: { loader: unknown; action?: unknown }): string {
  const router = createMemoryRouter([{ id: "page", path, element: createElement(page), loader: () => null, action: () => null }], {
    initialEntries: [url],
    hydrationData: { loaderData: { page: data.loader }, actionData: data.action ? { page: data.action } : undefined },
  });
  // React warns that useLayoutEffect does nothing on the server; the markup is what is under test.
  const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    return renderToStaticMarkup(createElement(RouterProvider, { router }));
  } finally {
    quiet.mockRestore();
  }
}

/**
 * The page the app draws when a route answers with an error (`status` and the `data()` payload it
 * threw): the root ErrorBoundary, as the server draws it.
 */
export function renderRouteError(boundary: ComponentType, url: string, status: number, data: unknown): string {
  const router = createMemoryRouter([{ id: "page", path: new URL(url, "http://localhost").pathname, element: null, errorElement: createElement(boundary), loader: () => null }], {
    initialEntries: [url],
    hydrationData: { errors: { page: new ErrorResponseImpl(status, "", data) } },
  });
  const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    return renderToStaticMarkup(createElement(RouterProvider, { router }));
  } finally {
    quiet.mockRestore();
  }
}
