// Builds the /map page and GraphiQL into src/carenet/web/static/dist/ (gitignored; `make setup` runs `npm run build`).
// Everything third-party comes from node_modules through the bundler: nothing is copied into the repo.
import { build } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, "src", "carenet", "web", "static", "dist");
const watch = process.argv.includes("--dev");

await mkdir(out, { recursive: true });
await build({
  entryPoints: {
    map: join(root, "web", "src", "main.js"),
  },
  outdir: out,
  bundle: true,
  format: "esm",
  target: ["es2020"],
  minify: !watch,
  sourcemap: true,
  legalComments: "linked",
  logLevel: "warning",
});
await build({
  entryPoints: { map: join(root, "web", "src", "map.css") },
  outdir: out,
  bundle: true,
  minify: !watch,
  logLevel: "warning",
});
await copyFile(join(root, "web", "map.html"), join(out, "map.html"));
// GraphiQL (demo mode's /graphql page) with React, from npm: served by carenet itself, never a CDN.
await build({
  entryPoints: { graphiql: join(root, "web", "src", "graphiql.jsx") },
  outdir: out,
  bundle: true,
  format: "esm",
  target: ["es2020"],
  jsx: "automatic",
  define: { "process.env.NODE_ENV": watch ? '"development"' : '"production"' },
  loader: { ".woff2": "dataurl", ".woff": "dataurl", ".ttf": "dataurl", ".svg": "dataurl", ".png": "dataurl" },
  minify: !watch,
  sourcemap: true,
  legalComments: "linked",
  logLevel: "warning",
});
await copyFile(join(root, "web", "graphiql.html"), join(out, "graphiql.html"));
console.log(`built the map page and GraphiQL into ${out}`);
