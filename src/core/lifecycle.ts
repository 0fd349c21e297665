import { IConstruct } from 'constructs';
import { ValidationError } from './validation-error';

const SYNTHESIZED = new WeakSet<IConstruct>();

/** Records that the app `root` has written its files: later changes would be silently lost. */
export function markSynthesized(root: IConstruct): void {
  SYNTHESIZED.add(root);
}

/**
 * Rejects a change to the model after the app wrote its files (it would not reach them).
 * @param scope the construct being changed
 * @param what the call, e.g. `addNodePool('gpu')`
 */
export function checkNotSynthesized(scope: IConstruct, what: string): void {
  if (SYNTHESIZED.has(scope.node.root)) {
    throw new ValidationError(scope, `${what} after synth(): the files are already written and would not contain it. Make every change before calling synth().`);
  }
}
