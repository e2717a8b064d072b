import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
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
