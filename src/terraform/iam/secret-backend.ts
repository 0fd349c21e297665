import { SECRETS_MANAGER, SSM_PARAMETER_STORE } from './private/config';

/**
 * Where CAPA stores the bootstrap data secret of a machine (clusterawsadm `secureSecretBackends`).
 * Each backend adds a write statement to the controllers policy and a read/delete statement to the
 * nodes policy.
 */
export class SecretBackend {
  /** AWS Secrets Manager (`secrets-manager`), clusterawsadm's default. */
  public static secretsManager(): SecretBackend {
    return new SecretBackend(SECRETS_MANAGER);
  }

  /** AWS Systems Manager Parameter Store (`ssm-parameter-store`). */
  public static ssmParameterStore(): SecretBackend {
    return new SecretBackend(SSM_PARAMETER_STORE);
  }

  /** clusterawsadm's name of the backend: `secrets-manager` or `ssm-parameter-store`. */
  public readonly name: string;

  private constructor(name: string) {
    this.name = name;
  }
}
