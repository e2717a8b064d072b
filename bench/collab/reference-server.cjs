/* eslint-disable @typescript-eslint/no-require-imports, no-undef -- the reference server is CommonJS by necessity (see header) */
// The reference: y-websocket 1.5.4's own server (bin/utils), no persistence, in its own process
// (it is CommonJS and loads its own copy of yjs). Prints "listening <port>"; GET /memory reports
// the heap after a full GC (run with --expose-gc).
const http = require("node:http");
const WebSocket = require("ws");
const { setupWSConnection } = require("y-websocket-reference/bin/utils");

const wss = new WebSocket.Server({ noServer: true });
wss.on("connection", setupWSConnection);
const server = http.createServer((req, res) => {
  if (req.url === "/memory") {
    global.gc?.();
    res.end(JSON.stringify(process.memoryUsage()));
    return;
  }
  res.end("ok");
});
server.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req)));
server.listen(0, "127.0.0.1", () => console.log(`listening ${server.address().port}`));
