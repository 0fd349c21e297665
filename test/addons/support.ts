import { App, Chart, Testing } from 'cdk8s';
import { HelmAddon, HelmAddonProps, Infrastructure, ManagedCluster, ManagedClusterProps } from '../../src';

/** A fresh app for one test. */
export function testApp(): App {
  return Testing.app();
}

/** An AWS cluster with the given name and labels. */
export function awsCluster(app: App, name: string, props: Partial<ManagedClusterProps> = {}): ManagedCluster {
  return new ManagedCluster(app, name, {
    version: 'v1.33.4',
    infrastructure: Infrastructure.aws({ region: 'ap-northeast-2' }),
    ...props,
  });
}

/** A Helm addon from a made-up repository. */
export function helm(name: string, props: Partial<HelmAddonProps> = {}): HelmAddon {
  return new HelmAddon({ name, repository: 'https://charts.example.com', chart: name, version: '1.0.0', ...props });
}

/** The synthesized objects of a chart (the whole app is validated and rendered first). */
export function objectsOf(chart: Chart): any[] {
  return Testing.synth(chart);
}

/** The objects of `kind` in a chart. */
export function ofKind(chart: Chart, kind: string): any[] {
  return objectsOf(chart).filter((o) => o.kind === kind);
}

/** The object of `kind` named `name`. */
export function named(chart: Chart, kind: string, name: string): any {
  const found = ofKind(chart, kind).find((o) => o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} '${name}' in ${chart.node.path}: ${ofKind(chart, kind).map((o) => o.metadata.name).join(', ')}`);
  return found;
}
