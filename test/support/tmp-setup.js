// Jest globalSetup: every temporary directory of the test run (cdk8s Testing.app() makes one per
// app, the tests their own) goes below one directory, removed by tmp-teardown.js, instead of
// thousands of leftovers in the system's temporary directory. Workers and the processes tests
// spawn inherit TMPDIR, which os.tmpdir() reads.
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-blueprints-tests-'));
  process.env.CAPI_BLUEPRINTS_TEST_TMPDIR = root;
  process.env.TMPDIR = root;
};
