// Jest globalTeardown: removes the test run's temporary directory (see tmp-setup.js).
const fs = require('fs');

module.exports = async () => {
  const root = process.env.CAPI_BLUEPRINTS_TEST_TMPDIR;
  if (root) fs.rmSync(root, { recursive: true, force: true });
};
