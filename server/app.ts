import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import type { Database } from "../db/client";
import type { AppConfig } from "../app/lib/config";
import { originCheck } from "./csrf";
import { designSystemImages } from "./design-system-assets";
import { securityHeaders } from "./security-headers";
import { attachCollabServer, type CollabOptions, type CollabServer } from "./collab";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface PeffServerOptions {
  database: Database;
  config: AppConfig;
  /** "development" serves through Vite with hot reload; "production" serves the built app. */
  mode: "development" | "production";
  trustProxy?: string;
  /** Collaboration server limits and timings (defaults in server/collab/index.ts). */
  collab?: Partial<CollabOptions>;
}

export interface PeffServer {
  httpServer: http.Server;
  app: express.Express;
  collab: CollabServer;
  /** Stops accepting requests and releases what the server holds (not the database). */
  close(): Promise<void>;
}

/**
 * One http.Server: Express in front of the Remix handler, ready for WebSocket upgrades
 * (the collaboration server attaches to `httpServer`).
 */
export async function createPeffServer(options: PeffServerOptions): Promise<PeffServer> {
  const { database, config } = options;
  const app = express();
  const httpServer = http.createServer(app);
  app.disable("x-powered-by");
  if (options.trustProxy) app.set("trust proxy", options.trustProxy);

  app.use(securityHeaders({ mode: options.mode, https: () => config.secureCookies }));
  app.get("/healthz", (_req, res) => {
    res.json({ ok: true, database: database.kind });
  });
  app.use(originCheck(() => config.origins));
  app.use("/assets/images", designSystemImages());

  let closeVite: (() => Promise<void>) | undefined;
  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (options.mode === "development") {
    const vite = await import("vite");
    const devServer = await vite.createServer({
      root,
      server: { middlewareMode: true, hmr: { server: httpServer } },
    });
    closeVite = () => devServer.close();
    app.use(devServer.middlewares);
    build = () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    const buildDir = path.join(root, "build");
    app.use("/assets", express.static(path.join(buildDir, "client", "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
    build = (await import(path.join(buildDir, "server", "index.js"))) as ServerBuild;
  }

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: options.mode,
      getLoadContext: (req, res) => ({ database, config, clientAddress: req.ip ?? null, cspNonce: res.locals.cspNonce as string }),
    }),
  );

  const collab = await attachCollabServer({ database, config, httpServer, options: options.collab, trustProxy: Boolean(options.trustProxy) });

  return {
    httpServer,
    app,
    collab,
    async close() {
      // Open documents are flushed (stored, projected, compacted) before their sockets close.
      await collab.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections?.();
      });
      await closeVite?.();
    },
  };
}
