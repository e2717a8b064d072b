import { createRequire } from "node:module";
import path from "node:path";
import express from "express";

const require = createRequire(import.meta.url);

/**
 * The NHS design system's icons. Its stylesheet (imported by app/root.tsx) draws some controls with
 * them by absolute address, `url(/assets/images/nhsuk-icon-cross.svg)`: the clear button of a
 * search box (the evidence search) and the arrows of sortable tables. Vite copies only the files
 * the app imports itself, so without this they answer 404 and the controls show nothing.
 */
export const DESIGN_SYSTEM_IMAGES_DIR = path.join(path.dirname(require.resolve("nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css")), "assets", "images");

/** Mounted at `/assets/images`, in development and production. */
export function designSystemImages(): express.Handler {
  return express.static(DESIGN_SYSTEM_IMAGES_DIR, { maxAge: "1d", fallthrough: true });
}
