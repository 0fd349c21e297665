import { CHARTS } from './versions';
import { ImageValueType } from '../../addons/addon';
import { HelmAddon } from '../../addons/helm-addon';
import { LmaModel, RELEASE, credentialsEnvFrom, endpointHost, ingressAnnotations, irsaAnnotations } from '../private/model';

/**
 * Grafana Loki on the hub or all-in-one cluster (chart `loki` 6.29.0, Loki 3.4), single-binary
 * mode, TSDB index, chunks in the logs bucket (or on the local volume for an all-in-one stack
 * without object storage), retention by the compactor. The gateway (nginx) is the push and query
 * endpoint; on a hub with an Ingress domain it is exposed as `loki.<domain>` for the edges.
 *
 * Keys (chart 6.29.0 values.yaml): `deploymentMode`, `global.image.registry`,
 * `loki.{auth_enabled, commonConfig.replication_factor, schemaConfig, storage.{type, bucketNames,
 * s3.{region,endpoint,s3ForcePathStyle,insecure}}, limits_config.retention_period, compactor}`,
 * `singleBinary.{replicas, extraEnvFrom, persistence.size}`, `read|write|backend.replicas`,
 * `chunksCache.enabled`, `resultsCache.enabled`, `lokiCanary.enabled`, `test.enabled`,
 * `serviceAccount.annotations`, `gateway.ingress.{enabled, ingressClassName, annotations, hosts, tls}`.
 */
export function loki(model: LmaModel): HelmAddon {
  const storage = model.storage;
  const objectStore = storage ? 's3' : 'filesystem';
  const lokiValues: Record<string, any> = {
    auth_enabled: false,
    commonConfig: { replication_factor: 1 },
    schemaConfig: {
      configs: [{ from: '2024-04-01', store: 'tsdb', object_store: objectStore, schema: 'v13', index: { prefix: 'loki_index_', period: '24h' } }],
    },
    limits_config: { retention_period: model.logsRetention },
    compactor: { retention_enabled: true, delete_request_store: objectStore },
  };
  if (storage) {
    const s3: Record<string, any> = { region: storage.region, s3ForcePathStyle: storage.pathStyle, insecure: storage.insecure };
    if (storage.pathStyle) s3.endpoint = `${storage.insecure ? 'http' : 'https'}://${storage.endpoint}`;
    lokiValues.storage = {
      type: 's3',
      bucketNames: { chunks: storage.logsBucket, ruler: storage.logsBucket, admin: storage.logsBucket },
      s3,
    };
  } else {
    lokiValues.storage = { type: 'filesystem' };
  }
  const singleBinary: Record<string, any> = { replicas: 1, persistence: { size: model.logsVolumeSize } };
  const envFrom = storage ? credentialsEnvFrom(model) : [];
  if (envFrom.length > 0) singleBinary.extraEnvFrom = envFrom;

  const values: Record<string, any> = {
    deploymentMode: 'SingleBinary',
    loki: lokiValues,
    singleBinary,
    read: { replicas: 0 },
    write: { replicas: 0 },
    backend: { replicas: 0 },
    chunksCache: { enabled: false },
    resultsCache: { enabled: false },
    lokiCanary: { enabled: false },
    test: { enabled: false },
  };
  const annotations = storage ? irsaAnnotations(model) : {};
  if (Object.keys(annotations).length > 0) values.serviceAccount = { annotations };
  if (model.ingress) {
    const host = endpointHost(model.ingress.domain, 'loki');
    values.gateway = {
      ingress: {
        enabled: true,
        ingressClassName: model.ingress.className ?? 'nginx',
        hosts: [{ host, paths: [{ path: '/', pathType: 'Prefix' }] }],
        tls: model.ingress.tlsSecretName ? [{ secretName: model.ingress.tlsSecretName, hosts: [host] }] : [],
      },
    };
    const ingressNotes = ingressAnnotations(model, true);
    if (ingressNotes) values.gateway.ingress.annotations = ingressNotes;
  }
  return new HelmAddon({
    name: RELEASE.loki,
    ...CHARTS.loki,
    namespace: model.namespace,
    values,
    install: { wait: true },
    images: [{ path: 'global.image.registry', type: ImageValueType.REGISTRY }],
  });
}
