import { CHARTS } from './versions';
import { ImageValueType } from '../../addons/addon';
import { ClusterValue } from '../../addons/cluster-value';
import { HelmAddon } from '../../addons/helm-addon';
import { LmaLogsBackendKind } from '../logs-backend';
import { LmaModel, RELEASE, endpointHost } from '../private/model';
import { LmaRole } from '../topology';

/** Environment variable carrying the cluster name into the fluent-bit configuration. */
export const CLUSTER_ENV = 'LMA_CLUSTER_NAME';

/** Where fluent-bit sends logs: host, port, TLS. */
interface Target {
  readonly host: string;
  readonly port: number;
  readonly tls: boolean;
}

function lokiTarget(model: LmaModel): Target {
  if (model.role === LmaRole.EDGE) {
    const hub = model.hub!;
    return { host: endpointHost(hub.domain!, 'loki'), port: hub.tls ? 443 : 80, tls: hub.tls };
  }
  return { host: `${RELEASE.loki}-gateway.${model.namespace}.svc`, port: 80, tls: false };
}

/**
 * fluent-bit on every node (chart `fluent-bit` 0.47.0, fluent-bit 3.1): container logs (and the
 * kubelet's journal) enriched with Kubernetes metadata, the cluster label added to every record
 * and, for Loki, to every stream; shipped to the hub's Loki (edges), the local Loki (hub,
 * all-in-one) or the OpenSearch endpoint. The cluster name comes from the CAPI Cluster through
 * the `LMA_CLUSTER_NAME` environment variable (fluent-bit expands `${VAR}` in its configuration),
 * so the configuration text is the same for every cluster.
 *
 * Keys (chart 0.47.0 values.yaml): `image.repository`, `env`, `tolerations`,
 * `config.{inputs, filters, outputs}`.
 */
export function fluentBit(model: LmaModel): HelmAddon {
  const label = model.clusterLabel;
  const env: any[] = [{ name: CLUSTER_ENV, value: ClusterValue.clusterName() }];
  const filters = [
    '[FILTER]',
    '    Name kubernetes',
    '    Match kube.*',
    '    Merge_Log On',
    '    Keep_Log Off',
    '    K8S-Logging.Parser On',
    '    K8S-Logging.Exclude On',
    '',
    '[FILTER]',
    '    Name modify',
    '    Match *',
    `    Add ${label} \${${CLUSTER_ENV}}`,
    '',
  ].join('\n');

  let outputs: string;
  if (model.logsBackend.kind === LmaLogsBackendKind.LOKI) {
    const t = lokiTarget(model);
    const auth: string[] = [];
    const creds = model.role === LmaRole.EDGE ? model.hubCredentials : undefined;
    if (creds) {
      env.push({ name: 'LMA_HUB_PASSWORD', valueFrom: { secretKeyRef: { name: creds.password.name, key: creds.password.key } } });
      auth.push(`    http_user ${creds.username}`, '    http_passwd ${LMA_HUB_PASSWORD}');
    }
    outputs = [
      '[OUTPUT]',
      '    Name loki',
      '    Match *',
      `    Host ${t.host}`,
      `    Port ${t.port}`,
      '    Uri /loki/api/v1/push',
      `    tls ${t.tls ? 'On' : 'Off'}`,
      ...(t.tls ? ['    tls.verify On'] : []),
      ...auth,
      `    labels job=fluent-bit, ${label}=\${${CLUSTER_ENV}}, namespace=$kubernetes['namespace_name'], pod=$kubernetes['pod_name'], container=$kubernetes['container_name']`,
      '    line_format json',
      '    Retry_Limit False',
      '',
    ].join('\n');
  } else {
    const os = model.logsBackend.openSearchProps!;
    const tls = os.tls ?? true;
    const auth: string[] = [];
    if (os.username && os.password) {
      env.push({ name: 'LMA_LOGS_USERNAME', valueFrom: { secretKeyRef: { name: os.username.name, key: os.username.key } } });
      env.push({ name: 'LMA_LOGS_PASSWORD', valueFrom: { secretKeyRef: { name: os.password.name, key: os.password.key } } });
      auth.push('    HTTP_User ${LMA_LOGS_USERNAME}', '    HTTP_Passwd ${LMA_LOGS_PASSWORD}');
    }
    outputs = [
      '[OUTPUT]',
      '    Name es',
      '    Match *',
      `    Host ${os.host}`,
      `    Port ${os.port ?? 443}`,
      `    tls ${tls ? 'On' : 'Off'}`,
      ...(tls ? ['    tls.verify On'] : []),
      ...auth,
      '    Logstash_Format On',
      `    Logstash_Prefix ${os.indexPrefix ?? 'lma'}`,
      '    Suppress_Type_Name On',
      '    Replace_Dots On',
      '    Retry_Limit False',
      '',
    ].join('\n');
  }

  return new HelmAddon({
    name: RELEASE.fluentBit,
    ...CHARTS.fluentBit,
    namespace: model.namespace,
    values: {
      image: { repository: 'cr.fluentbit.io/fluent/fluent-bit' },
      env,
      tolerations: [{ operator: 'Exists' }],
      config: {
        inputs: [
          '[INPUT]',
          '    Name tail',
          '    Path /var/log/containers/*.log',
          '    multiline.parser docker, cri',
          '    Tag kube.*',
          '    Mem_Buf_Limit 5MB',
          '    Skip_Long_Lines On',
          '',
          '[INPUT]',
          '    Name systemd',
          '    Tag host.*',
          '    Systemd_Filter _SYSTEMD_UNIT=kubelet.service',
          '    Read_From_Tail On',
          '',
        ].join('\n'),
        filters,
        outputs,
      },
    },
    install: { wait: true },
    images: [{ path: 'image.repository', type: ImageValueType.REPOSITORY }],
  });
}
