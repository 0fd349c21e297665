/** Helpers to build clusters and read their synthesized objects in tests. */
import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { AwsInfrastructureProps, Infrastructure, ManagedCluster, ManagedClusterProps } from '../../src';

/** Props of a small valid AWS cluster, overridable per test. */
export function awsClusterProps(overrides: Partial<ManagedClusterProps> = {}, aws: Partial<AwsInfrastructureProps> = {}): ManagedClusterProps {
  return {
    version: 'v1.33.4',
    infrastructure: Infrastructure.aws({ region: 'ap-northeast-2', ...aws }),
    ...overrides,
  };
}

/** A new app with one AWS cluster named `prod`. */
export function awsCluster(overrides: Partial<ManagedClusterProps> = {}, aws: Partial<AwsInfrastructureProps> = {}): ManagedCluster {
  return new ManagedCluster(Testing.app(), 'prod', awsClusterProps(overrides, aws));
}

/** The synthesized objects of a chart (a cluster). */
export function synth(chart: Construct): any[] {
  return Testing.synth(chart as any);
}

/** The objects of `kind` (optionally with `name`). */
export function ofKind(objects: any[], kind: string, name?: string): any[] {
  return objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
}

/** The single object of `kind` (optionally with `name`); fails the test otherwise. */
export function one(objects: any[], kind: string, name?: string): any {
  const found = ofKind(objects, kind, name);
  if (found.length !== 1) throw new Error(`expected one ${kind}${name ? ` '${name}'` : ''}, found ${found.length}`);
  return found[0];
}

/** Kubelet args of a nodeRegistration as a map. */
export function argsOf(list: Array<{ name: string; value: string }> | undefined): Record<string, string> {
  return Object.fromEntries((list ?? []).map((a) => [a.name, a.value]));
}
