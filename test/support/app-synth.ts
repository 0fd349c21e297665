/**
 * Preloaded (`node -r`) by test/examples to synthesize an example the reference way: every
 * `Platform` writes its files with plain cdk8s `App.synth` (the `yaml` package, one file per chart)
 * instead of its own writer.
 */
import { App } from 'cdk8s';
import { applyClassOutputs } from '../../src/clusterclass/private/apply';
import { buildCluster } from '../../src/platform/blueprint/private/resolve';
import { Platform } from '../../src/platform/platform';

// ClusterClass output replaces objects before writing: the reference writes the same object set.
Platform.prototype.synth = function synth(this: Platform) {
  applyClassOutputs(this, buildCluster);
  App.prototype.synth.call(this);
};
