/**
 * Preloaded (`node -r`) by test/examples to synthesize an example the reference way: every
 * `Platform` writes its files with plain cdk8s `App.synth` (the `yaml` package, one file per chart)
 * instead of its own writer.
 */
import { App } from 'cdk8s';
import { Platform } from '../../src/platform/platform';

Platform.prototype.synth = App.prototype.synth;
