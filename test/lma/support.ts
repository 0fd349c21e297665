/** Helpers for LMA stack tests: a hub cluster, edge clusters and the rendered values per cluster. */
import { App, Chart, Testing } from 'cdk8s';
import {
  AddonDelivery, Infrastructure, LmaObjectStorage, LmaStack, LmaStackProps, LmaStorageCredentials, LmaTopology, ManagedCluster,
} from '../../src';

/** A fresh app. */
export function testApp(): App {
  return Testing.app();
}

/** An AWS cluster. */
export function awsCluster(app: App, name: string): ManagedCluster {
  return new ManagedCluster(app, name, { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'ap-northeast-2' }) });
}

/** A BYOH cluster. */
export function byohCluster(app: App, name: string): ManagedCluster {
  return new ManagedCluster(app, name, {
    version: 'v1.33.4',
    infrastructure: Infrastructure.byoh({
      controlPlaneEndpoint: { host: '192.168.10.10' },
      controlPlaneHosts: { matchLabels: { role: 'control-plane' } },
      kubeVip: { image: 'harbor.example.com/mirror/kube-vip/kube-vip:v0.8.7' },
    }),
  });
}

/** S3 storage with Secret credentials and the prefix `acme-lma`. */
export function s3Storage(): LmaObjectStorage {
  return LmaObjectStorage.s3({ bucketPrefix: 'acme-lma', region: 'ap-northeast-2', credentials: LmaStorageCredentials.fromSecret('lma-s3') });
}

/** A hub stack (Argo CD delivery, so values are rendered per cluster) with an Ingress domain. */
export function hubStack(app: App, props: Partial<LmaStackProps> = {}): LmaStack {
  return new LmaStack(app, 'lma-hub', {
    topology: LmaTopology.hub({ ingress: { domain: 'lma.example.com', tlsSecretName: 'lma-tls' } }),
    storage: s3Storage(),
    delivery: AddonDelivery.argoCd({ serverSideApply: true }),
    ...props,
  });
}

/** An edge stack of `hub` (Argo CD delivery). */
export function edgeStack(app: App, id: string, hub: LmaStack, props: Partial<LmaStackProps> = {}): LmaStack {
  return new LmaStack(app, id, { topology: LmaTopology.edge(hub), delivery: AddonDelivery.argoCd({ serverSideApply: true }), ...props });
}

/** The synthesized objects of a chart (the app is validated and rendered first). */
export function objectsOf(chart: Chart): any[] {
  return Testing.synth(chart);
}

/** The Helm values an Argo CD Application of `stack` gives `addon` on `cluster`. */
export function argoValues(stack: LmaStack, cluster: string, addon: string): any {
  const app = objectsOf(stack).find((o) => o.kind === 'Application' && o.metadata.name === `${cluster}-${addon}`);
  if (!app) throw new Error(`no Application ${cluster}-${addon} in ${stack.node.path}`);
  return app.spec.source.helm.valuesObject;
}
