import { SecretKeyReference } from './alerting';
import { validateHost } from './private/util';
import { inRange, RANGES } from '../core/ranges';
import { checkSecretKey, checkSecretName } from '../core/secrets';
import { ValidationError } from '../core/validation-error';

/** Which store receives the logs. */
export enum LmaLogsBackendKind {
  /** Grafana Loki, run by the hub (or the all-in-one stack). */
  LOKI = 'loki',
  /** An OpenSearch or Elasticsearch endpoint run elsewhere. */
  OPENSEARCH = 'opensearch',
}

/** Props of `LmaLogsBackend.openSearch`. */
export interface LmaOpenSearchBackendProps {
  /** Endpoint host, without scheme or port, e.g. `logs.example.com`. */
  readonly host: string;
  /**
   * Port.
   * @default 443
   */
  readonly port?: number;
  /**
   * Use TLS (and verify the certificate).
   * @default true
   */
  readonly tls?: boolean;
  /**
   * Index prefix (fluent-bit `Logstash_Prefix`): indices are `<prefix>-YYYY.MM.DD`.
   * @default 'lma'
   */
  readonly indexPrefix?: string;
  /**
   * User name, by Secret reference in the LMA namespace of each cluster (injected as an
   * environment variable into fluent-bit).
   * @default - no authentication
   */
  readonly username?: SecretKeyReference;
  /**
   * Password, by Secret reference in the LMA namespace of each cluster.
   * @default - no authentication
   */
  readonly password?: SecretKeyReference;
}

/**
 * Where logs go: Loki run by the hub (the default), or an existing OpenSearch/Elasticsearch
 * endpoint. The choice is made on the hub (or all-in-one) stack; edges use the hub's.
 */
export class LmaLogsBackend {
  /** Grafana Loki on the hub (chart `loki`, single-binary mode, chunks in the logs bucket). */
  public static loki(): LmaLogsBackend {
    return new LmaLogsBackend(LmaLogsBackendKind.LOKI, undefined);
  }

  /** An OpenSearch or Elasticsearch endpoint (fluent-bit `es` output, Logstash-style indices). */
  public static openSearch(props: LmaOpenSearchBackendProps): LmaLogsBackend {
    const scope = 'LmaLogsBackend.openSearch';
    validateHost(scope, 'host', props.host);
    if (props.port !== undefined && !inRange(props.port, RANGES.port)) {
      throw new ValidationError(scope, `port (${props.port}) is not a port. Use an integer from 1 to 65535.`);
    }
    if ((props.username === undefined) !== (props.password === undefined)) {
      throw new ValidationError(scope, 'username and password go together. Give both as Secret references, or neither.');
    }
    for (const [field, ref] of [['username', props.username], ['password', props.password]] as const) {
      if (ref === undefined) continue;
      checkSecretName(scope, `${field}.name`, ref.name, 'lma-logs-auth');
      checkSecretKey(scope, `${field}.key`, ref.key);
    }
    if (props.indexPrefix !== undefined && !/^[a-z0-9][a-z0-9_-]*$/.test(props.indexPrefix)) {
      throw new ValidationError(scope, `indexPrefix '${props.indexPrefix}' is not an index name prefix. Use lower-case letters, digits, '-' and '_'.`);
    }
    return new LmaLogsBackend(LmaLogsBackendKind.OPENSEARCH, props);
  }

  /** Which store. */
  public readonly kind: LmaLogsBackendKind;
  /** The OpenSearch endpoint (OpenSearch only). */
  public readonly openSearchProps?: LmaOpenSearchBackendProps;

  private constructor(kind: LmaLogsBackendKind, openSearch: LmaOpenSearchBackendProps | undefined) {
    this.kind = kind;
    this.openSearchProps = openSearch;
  }
}
