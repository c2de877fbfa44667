// A static file server for the built docs site, on 127.0.0.1 and a port the system picks (several runs may share
// the machine). Paths are resolved inside the site folder only; `/x` serves x.html or x/index.html as VitePress
// expects; anything else is the site's 404 page.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** The file a URL path names inside `root`, or undefined. */
function fileFor(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split("?")[0] ?? "/");
  } catch {
    return undefined;
  }
  const full = resolve(root, `.${normalize(path)}`);
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  for (const candidate of [full, `${full}.html`, join(full, "index.html")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Serves `root`; resolves `{ url, close() }` once listening. */
export function serveStatic(root) {
  const site = resolve(root);
  const server = createServer((request, response) => {
    const file = fileFor(site, request.url ?? "/");
    const target = file ?? join(site, "404.html");
    response.writeHead(file ? 200 : 404, { "content-type": types[extname(target)] ?? "application/octet-stream" });
    createReadStream(target).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolvePromise({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
