import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';

/** A fresh stack in a test app (stubbed cdktf version, so output does not depend on the machine). */
export function testStack(id = 'test'): TerraformStack {
  return new TerraformStack(Testing.app() as App, id);
}

/** The synthesized Terraform JSON of a stack, parsed. */
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack));
}

/** Resources of one type in a synthesized stack, keyed by logical id. */
export function resourcesOf(tf: any, type: string): Record<string, any> {
  return tf.resource?.[type] ?? {};
}

/** The only resource of a type whose logical id contains `fragment`. */
export function resourceNamed(tf: any, type: string, fragment: string): any {
  const found = Object.entries(resourcesOf(tf, type)).filter(([id]) => id.includes(fragment));
  if (found.length !== 1) throw new Error(`${found.length} ${type} resources match '${fragment}': ${Object.keys(resourcesOf(tf, type)).join(', ')}`);
  return found[0][1];
}

/** Re-exported so tests need one import. */
export { Construct };
