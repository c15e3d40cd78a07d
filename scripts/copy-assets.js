// Copies the non-TypeScript files the build needs (the demo org seed) into dist/.
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const assets = [["emulator/demo-org.json", "dist/emulator/demo-org.json"]];
for (const [from, to] of assets) {
  const src = path.join(root, from);
  if (!fs.existsSync(src)) continue;
  fs.mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
  fs.copyFileSync(src, path.join(root, to));
}
