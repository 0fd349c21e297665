import { CHARTS } from './versions';
import { ImageValueType } from '../../addons/addon';
import { HelmAddon } from '../../addons/helm-addon';
import { LmaModel, RELEASE, credentialsEnvFrom, endpointHost, ingressAnnotations, irsaAnnotations, serviceUrls, thanosObjstore } from '../private/model';

/**
 * Thanos on the hub (Bitnami chart `thanos` 15.7.12, the chart the old LMA used): query and
 * query-frontend over every cluster's data, store gateway and compactor over the metrics bucket.
 * The query reaches the hub's own Prometheus through the sidecar discovery Service of
 * kube-prometheus-stack and the store gateway automatically; edges' sidecars are added with
 * `query.stores` (`LmaStack.addThanosStore`).
 *
 * Keys (chart 15.7.12, values.yaml and templates/objstore-secret.yaml,
 * templates/compactor/_pod-template.tpl, templates/query-frontend/ingress.yaml):
 * `global.imageRegistry`, `objstoreConfig` (rendered into the chart's objstore Secret),
 * `query.dnsDiscovery.{enabled,sidecarsService,sidecarsNamespace}`, `query.replicaLabel`, `query.stores`,
 * `queryFrontend.enabled`, `queryFrontend.ingress.{enabled,hostname,ingressClassName,annotations,extraTls}`,
 * `storegateway.enabled`, `compactor.{enabled,retentionResolutionRaw,retentionResolution5m,
 * retentionResolution1h}`, `<component>.extraEnvVarsSecret`, `<component>.serviceAccount.annotations`,
 * `minio.enabled`.
 */
export function thanos(model: LmaModel): HelmAddon {
  const storage = model.storage!;
  const urls = serviceUrls(model.namespace);
  const annotations = irsaAnnotations(model);
  const secret = credentialsEnvFrom(model).length > 0 ? model.credentials!.secretName : undefined;
  const component = (extra: Record<string, any>) => {
    const out: Record<string, any> = { enabled: true, ...extra };
    if (secret) out.extraEnvVarsSecret = secret;
    if (Object.keys(annotations).length > 0) out.serviceAccount = { create: true, annotations };
    return out;
  };
  const queryFrontend: Record<string, any> = { enabled: true };
  if (model.ingress) {
    queryFrontend.ingress = {
      enabled: true,
      hostname: endpointHost(model.ingress.domain, 'thanos'),
      ingressClassName: model.ingress.className ?? 'nginx',
    };
    const ingressNotes = ingressAnnotations(model, true);
    if (ingressNotes) queryFrontend.ingress.annotations = ingressNotes;
    if (model.ingress.tlsSecretName) {
      queryFrontend.ingress.extraTls = [{ hosts: [endpointHost(model.ingress.domain, 'thanos')], secretName: model.ingress.tlsSecretName }];
    }
  }
  return new HelmAddon({
    name: RELEASE.thanos,
    ...CHARTS.thanos,
    namespace: model.namespace,
    values: {
      objstoreConfig: thanosObjstore(storage),
      query: {
        enabled: true,
        dnsDiscovery: { enabled: true, sidecarsService: urls.thanosDiscovery, sidecarsNamespace: model.namespace },
        // kube-prometheus-stack's replica external label: HA Prometheus pairs are merged
        replicaLabel: ['prometheus_replica'],
      },
      queryFrontend,
      storegateway: component({}),
      compactor: component({
        retentionResolutionRaw: model.longTermRetention,
        retentionResolution5m: model.longTermRetention,
        retentionResolution1h: model.longTermRetention,
      }),
      minio: { enabled: false },
    },
    install: { wait: true },
    images: [{ path: 'global.imageRegistry', type: ImageValueType.REGISTRY }],
  });
}
