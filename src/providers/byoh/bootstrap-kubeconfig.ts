import { X509Certificate } from 'crypto';
import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { isDnsSubdomain, isDnsLabel } from '../../core/names';
import { ValidationError } from '../../core/validation-error';
import * as byoh from '../../imports/byoh/infrastructure.cluster.x-k8s.io';

/** Props of a `BootstrapKubeconfig`. */
export interface BootstrapKubeconfigProps {
  /**
   * URL of the management cluster's API server the host agents register with:
   * `https://<host>:<port>`.
   */
  readonly apiServer: string;
  /**
   * CA certificate of that API server: the base64 encoding of its PEM certificate(s), as in a
   * kubeconfig's `certificate-authority-data`.
   */
  readonly certificateAuthorityData: string;
  /**
   * Skip verifying the API server's certificate. Insecure; only for throwaway test setups.
   * @default false
   */
  readonly insecureSkipTlsVerify?: boolean;
  /**
   * Object name.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Namespace of the object.
   * @default - the namespace of the enclosing chart, or `default`
   */
  readonly namespace?: string;
}

/**
 * A BYOH `BootstrapKubeconfig`: BYOH turns it into a short-lived bootstrap kubeconfig that the
 * host agent (`byoh-hostagent --bootstrap-kubeconfig …`) uses to register its host as a ByoHost
 * in the management cluster. ByoHosts are created by the agents, never by capi-blueprints.
 */
export class BootstrapKubeconfig extends Construct {
  /** Object name. */
  public readonly name: string;
  /** Object namespace. */
  public readonly namespace: string;
  /** API server URL. */
  public readonly apiServer: string;
  /** Whether TLS verification is skipped. */
  public readonly insecureSkipTlsVerify: boolean;

  constructor(scope: Construct, id: string, props: BootstrapKubeconfigProps) {
    super(scope, id);
    this.name = props.name ?? id;
    const chart = Chart.of(this);
    this.namespace = props.namespace ?? chart.namespace ?? 'default';
    this.apiServer = props.apiServer;
    this.insecureSkipTlsVerify = props.insecureSkipTlsVerify ?? false;

    if (!isDnsSubdomain(this.name)) {
      throw new ValidationError(this, `name '${this.name}' is not a valid object name. Use lower-case letters, digits, '-' and '.'.`);
    }
    if (!isDnsLabel(this.namespace)) {
      throw new ValidationError(this, `namespace '${this.namespace}' is not a DNS label. Use at most 63 lower-case letters, digits and '-'.`);
    }
    validateApiServer(this, props.apiServer);
    const ca = validateCaData(this, props.certificateAuthorityData);

    new byoh.BootstrapKubeconfig(this, 'Resource', {
      metadata: { name: this.name, namespace: this.namespace },
      spec: {
        apiserver: props.apiServer,
        certificateAuthorityData: ca,
        insecureSkipTlsVerify: this.insecureSkipTlsVerify,
      },
    });
  }
}

function validateApiServer(scope: Construct, url: string): void {
  const m = /^https:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?):(\d{1,5})$/.exec(url);
  if (!m) {
    if (url.startsWith('http://')) {
      throw new ValidationError(scope, `apiServer '${url}' uses http. BYOH needs 'https://<host>:<port>', e.g. 'https://10.0.0.10:6443'.`);
    }
    throw new ValidationError(scope, `apiServer '${url}' is not of the form 'https://<host>:<port>' (no path, explicit port). Use e.g. 'https://10.0.0.10:6443'.`);
  }
  const port = Number(m[3]);
  if (port < 1 || port > 65535) {
    throw new ValidationError(scope, `apiServer '${url}' has port ${port}, which is not a port. Use an integer from 1 to 65535.`);
  }
}

/** Checks that `data` is base64 of PEM certificates that parse; returns it without whitespace. */
function validateCaData(scope: Construct, data: string): string {
  const compact = data.replace(/\s+/g, '');
  if (compact.startsWith('-----BEGIN')) {
    throw new ValidationError(scope, 'certificateAuthorityData is a PEM text, not its base64 encoding. Encode it, e.g. `base64 -w0 ca.crt`.');
  }
  if (compact === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0) {
    throw new ValidationError(scope, 'certificateAuthorityData is not base64. Use the base64 encoding of the CA certificate in PEM form (a kubeconfig\'s certificate-authority-data).');
  }
  const pem = Buffer.from(compact, 'base64').toString('utf8');
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  if (!blocks) {
    throw new ValidationError(scope, 'certificateAuthorityData does not decode to a PEM certificate (no BEGIN/END CERTIFICATE block). Use the base64 encoding of the CA certificate in PEM form.');
  }
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch {
      throw new ValidationError(scope, 'certificateAuthorityData holds a PEM block that is not a valid X.509 certificate. Use the base64 encoding of the management cluster\'s CA certificate.');
    }
  }
  return compact;
}
