// Jest global teardown: removes the packed-tarball program base made in setup.
"use strict";

const fs = require("node:fs");

module.exports = async function globalTeardown() {
  if (globalThis.__oktaRtOwnedBase) fs.rmSync(globalThis.__oktaRtOwnedBase, { recursive: true, force: true });
};
