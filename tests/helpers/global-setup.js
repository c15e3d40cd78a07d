// Jest global setup: makes sure the pinned Pulumi engine is built or found once,
// before any end-to-end suite starts, and hands its PATH to the workers.
const { ensurePulumi } = require("../../scripts/ensure-pulumi.js");

module.exports = async function globalSetup() {
  const engine = ensurePulumi({ quiet: false });
  process.env.PULUMI_OKTA_RT_ENGINE_PATH = engine.path;
};
