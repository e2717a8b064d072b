// Creates an embedded PostgreSQL data directory (PGlite's initdb) and exits. db/client.ts runs
// it in a child process: initdb peaks near 1 GB and WebAssembly memory is never given back, so
// creating the directory inside the serving process left it four times its steady size.
import process from "node:process";
import { PGlite } from "@electric-sql/pglite";

const pglite = await PGlite.create({ dataDir: process.argv[2] });
await pglite.close();
