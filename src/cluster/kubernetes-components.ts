/** A host path mounted into a control-plane static pod. */
export interface HostPathMount {
  /** Volume name, unique within the component. */
  readonly name: string;
  /** Path on the host. */
  readonly hostPath: string;
  /** Path inside the static pod. */
  readonly mountPath: string;
  /**
   * Mount read-only.
   * @default true
   */
  readonly readOnly?: boolean;
  /**
   * Host path type, e.g. `File`, `Directory`, `DirectoryOrCreate`.
   * @default - no check
   */
  readonly pathType?: string;
}

/** Settings of a control-plane component (controller manager, scheduler). */
export interface ComponentOptions {
  /**
   * Extra command-line flags, by name without dashes (`{ 'v': '2' }`).
   * @default - none beyond what the infrastructure needs
   */
  readonly extraArgs?: Record<string, string>;
  /**
   * Extra host path volumes.
   * @default - none
   */
  readonly extraVolumes?: HostPathMount[];
}

/** OpenID Connect authentication of the API server. */
export interface OidcOptions {
  /** Issuer URL (`https://…`). */
  readonly issuerUrl: string;
  /** Client id tokens must be issued for. */
  readonly clientId: string;
  /**
   * JWT claim used as the user name.
   * @default 'sub'
   */
  readonly usernameClaim?: string;
  /**
   * Prefix added to user names (e.g. `oidc:`).
   * @default - none (the API server's default)
   */
  readonly usernamePrefix?: string;
  /**
   * JWT claim used as the user's groups.
   * @default - no groups from tokens
   */
  readonly groupsClaim?: string;
  /**
   * Prefix added to group names.
   * @default - none
   */
  readonly groupsPrefix?: string;
  /**
   * CA bundle file on the control-plane hosts that signed the issuer's certificate.
   * @default - the host's trust store
   */
  readonly caFile?: string;
}

/** Settings of the API server. */
export interface ApiServerOptions extends ComponentOptions {
  /**
   * Extra subject alternative names for the serving certificate.
   * @default - none
   */
  readonly certSans?: string[];
  /**
   * OpenID Connect authentication.
   * @default - none
   */
  readonly oidc?: OidcOptions;
}

/** Settings of the local (stacked) etcd. */
export interface EtcdOptions {
  /**
   * Extra etcd flags, e.g. `{ 'listen-metrics-urls': 'http://0.0.0.0:2381' }`.
   * @default - none
   */
  readonly extraArgs?: Record<string, string>;
  /**
   * Registry of the etcd image (air-gapped registries).
   * @default - the control plane's imageRepository
   */
  readonly imageRepository?: string;
  /**
   * Tag of the etcd image, e.g. `3.5.21-0`.
   * @default - kubeadm's default for the Kubernetes version
   */
  readonly imageTag?: string;
}
