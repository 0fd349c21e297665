/**
 * The company platform of `company-platform.ts` with ClusterClass output: the `standard` blueprint
 * at the AWS kubeadm site `seoul` becomes the ClusterClass `standard-seoul` (templates content-hashed,
 * variables and patches generated from what `prod-seoul` and `dev-seoul` override), and each of the
 * two clusters a `Cluster` with `spec.topology`. The management cluster turns the `ClusterTopology`
 * feature gate on. The EKS, BYOH and OpenStack sites keep objects output (docs/clusterclass.md).
 *
 * Run: `npx ts-node --transpile-only scripts/synth-examples.ts company-platform-classes`.
 */
process.env.CAPI_BLUEPRINTS_OUTPUT_MODE = 'cluster-class';
process.env.CAPI_BLUEPRINTS_OUTDIR = process.env.CAPI_BLUEPRINTS_OUTDIR ?? 'dist/company-platform-classes';
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./company-platform');
