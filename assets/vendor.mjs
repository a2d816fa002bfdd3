// Copy the explorer's front-end files out of node_modules into the Python package, with each
// package's licence and a manifest of versions and SHA-256 sums. `node vendor.mjs --check`
// verifies that the vendored files are byte-identical to the pinned npm packages.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "src", "bilateral", "web", "static", "vendor");

// package -> files to vendor (the first licence file found is added automatically)
const FILES = {
  "d3": ["dist/d3.min.js"],
  "topojson-client": ["dist/topojson-client.min.js"],
  "world-atlas": ["countries-50m.json"],
  "vis-timeline": ["standalone/umd/vis-timeline-graph2d.min.js",
                   "styles/vis-timeline-graph2d.min.css"],
  "swagger-ui-dist": ["swagger-ui-bundle.js", "swagger-ui.css"],
};
const LICENCES = ["LICENSE", "LICENSE.md", "LICENSE.txt", "LICENSE.MIT.txt"];

const sha256 = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");
const check = process.argv.includes("--check");
const manifest = {};
let problems = 0;

for (const [pkg, files] of Object.entries(FILES)) {
  const root = join(here, "node_modules", pkg);
  const meta = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const licence = LICENCES.find((name) => existsSync(join(root, name)));
  if (!licence) throw new Error(`${pkg}: no licence file among ${LICENCES.join(", ")}`);
  const entries = {};
  for (const file of [...files, licence]) {
    const from = join(root, file);
    const name = file === licence ? "LICENSE" : file.split("/").pop();
    const to = join(target, pkg, name);
    entries[name] = sha256(from);
    if (check) {
      if (!existsSync(to) || sha256(to) !== entries[name]) {
        console.error(`${to}: differs from ${pkg}@${meta.version}/${file}`);
        problems += 1;
      }
    } else {
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
    }
  }
  manifest[pkg] = { version: meta.version, license: meta.license, files: entries };
}

const manifestPath = join(target, "manifest.json");
const text = JSON.stringify(manifest, null, 2) + "\n";
if (check) {
  if (!existsSync(manifestPath) || readFileSync(manifestPath, "utf8") !== text) {
    console.error(`${manifestPath}: out of date; run \`npm run vendor\` in assets/`);
    problems += 1;
  }
  if (problems) process.exit(1);
  console.log(`vendored assets match ${Object.keys(FILES).length} pinned npm packages`);
} else {
  writeFileSync(manifestPath, text);
  console.log(`vendored ${Object.keys(FILES).length} packages into ${target}`);
}
