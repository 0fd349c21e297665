import { Construct, IConstruct } from 'constructs';
import { GitOps, GitOpsEngine } from './gitops';
import { deriveProviders, ResolvedProvider } from './private/derive';
import { ALLOW_DELETION_ANNOTATION, argoCdHealthValues, argoCdRegistration, deletionProtection, providerObjects, RegisteredCluster } from './private/render';
import { ManagementProvidersOptions, PROVIDERS } from './providers';
import { AddonBundle } from '../addons/addon-bundle';
import { ManagedCluster } from '../cluster/managed-cluster';
import { PROVIDER_FEATURE_GATES } from '../core/feature-gates';
import { validateLabels } from '../core/labels';
import { checkNotSynthesized } from '../core/lifecycle';
import { isDnsLabel } from '../core/names';
import { isRegistryPath } from '../core/registry';
import { checkSecretName } from '../core/secrets';
import { ValidationError } from '../core/validation-error';
import { addWarning } from '../core/warnings';
import { DeliveryKind } from '../delivery/addon-delivery';
import { guardPlainApp } from '../output/private/synth-checks';
import type { AwsInfrastructure } from '../providers/aws/aws-infrastructure';

/** Props of a `ManagementCluster`. */
export interface ManagementClusterProps {
  /**
   * Name of the management cluster: the folder of its clusters (`clusters/<name>/…`) and of its
   * own objects (`management/<name>/`).
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * How the management cluster applies its part of the GitOps tree (the root objects are written
   * to `bootstrap/<name>/`).
   * @default - no engine: the tree is written without bootstrap objects (apply it your own way)
   */
  readonly gitOps?: GitOps;
  /**
   * The Cluster API providers (cluster-api-operator CRs): versions, credentials by Secret
   * reference, feature gates, air-gapped fetch settings. Providers are derived from the clusters
   * and bundles of the management cluster; settings here refine them (and add providers).
   * @default - derived providers at the pinned versions
   */
  readonly providers?: ManagementProvidersOptions;
  /**
   * Refuse DELETE of Cluster objects and control planes without the
   * `capi-blueprints.io/allow-deletion: "true"` annotation (a ValidatingAdmissionPolicy), and keep
   * GitOps engines from pruning or deleting cluster objects.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Register workload clusters that get addons through Argo CD as Argo CD clusters (External
   * Secrets Operator turns each `<cluster>-kubeconfig` Secret into an Argo CD cluster Secret).
   * @default true
   */
  readonly registerClustersInArgoCd?: boolean;
  /**
   * Registry mirror of an air-gapped management cluster, e.g. `harbor.example.com/mirror`: each
   * provider's manager image is pulled from it, with the release image's path and version
   * (`registry.k8s.io/cluster-api/cluster-api-controller` → `<mirror>/cluster-api/cluster-api-controller:v1.14.0`).
   * Combine with `providers.<p>.fetchConfig` for the components themselves.
   * @default - the release images
   */
  readonly imageRegistry?: string;
}

const MEMBERSHIP = Symbol.for('capi-blueprints.ManagementCluster.membership');
const BRAND = Symbol.for('capi-blueprints.ManagementCluster');

/**
 * A management cluster: the Cluster API cluster that creates and manages a set of workload
 * clusters. In the GitOps layout of `Platform`, its clusters are written to
 * `clusters/<name>/<namespace>/<cluster>/`, its own objects (namespaces, identities, charts created
 * under it) to `management/<name>/`, and its GitOps engine's root objects to `bootstrap/<name>/`.
 *
 * Clusters join it through a `Site` (`managementCluster`), or with `addCluster`.
 */
export class ManagementCluster extends Construct {
  /** The annotation (value `"true"`) that lets a protected Cluster or control plane be deleted. */
  public static readonly ALLOW_DELETION_ANNOTATION = ALLOW_DELETION_ANNOTATION;

  /** Whether `x` is a ManagementCluster. */
  public static isManagementCluster(x: unknown): x is ManagementCluster {
    return x !== null && typeof x === 'object' && (x as any)[BRAND] === true;
  }

  /**
   * The management cluster `cluster` belongs to: the one it was added to, else the one whose
   * construct scope contains it.
   */
  public static of(cluster: IConstruct): ManagementCluster | undefined {
    const explicit = (cluster as any)[MEMBERSHIP] as ManagementCluster | undefined;
    if (explicit) return explicit;
    return cluster.node.scopes.slice().reverse().find(ManagementCluster.isManagementCluster);
  }

  /** Name of the management cluster. */
  public readonly clusterName: string;
  /** Its GitOps engine, if any. */
  public readonly gitOps?: GitOps;
  /** Whether cluster deletion is protected. */
  public readonly deletionProtection: boolean;
  /** Whether Argo CD-delivered clusters are registered in Argo CD. */
  public readonly registerClustersInArgoCd: boolean;
  /** Provider settings as given. */
  public readonly providerOptions: ManagementProvidersOptions;
  /** Registry mirror of the provider images, if set. */
  public readonly imageRegistry?: string;

  private readonly _clusters: ManagedCluster[] = [];

  constructor(scope: Construct, id: string, props: ManagementClusterProps = {}) {
    super(scope, id);
    guardPlainApp(this); // a plain cdk8s App runs the Platform's checks before writing
    this.clusterName = props.name ?? id;
    if (!isDnsLabel(this.clusterName)) {
      throw new ValidationError(this, `management cluster name '${this.clusterName}' is not a DNS label. Use at most 63 lower-case letters, digits and '-'.`);
    }
    this.gitOps = props.gitOps;
    this.deletionProtection = props.deletionProtection ?? true;
    this.registerClustersInArgoCd = props.registerClustersInArgoCd ?? true;
    this.providerOptions = props.providers ?? {};
    validateProviderOptions(this, this.providerOptions);
    this.imageRegistry = props.imageRegistry?.replace(/\/+$/, '');
    if (this.imageRegistry !== undefined && !isRegistryPath(this.imageRegistry)) {
      throw new ValidationError(this, `imageRegistry '${props.imageRegistry}' is not a registry host with an optional path. Use e.g. 'harbor.example.com/mirror'.`);
    }
    Object.defineProperty(this, BRAND, { value: true });
    this.node.addValidation({ validate: () => this.resolve().errors });
  }

  /**
   * Every workload cluster of this management cluster: those added to it or created inside it,
   * and — when it is the program's only management cluster — those that belong to none.
   */
  public get allClusters(): ManagedCluster[] {
    const managements = this.node.root.node.findAll().filter(ManagementCluster.isManagementCluster);
    const only = managements.length === 1;
    return this.node.root.node.findAll()
      .filter((c): c is ManagedCluster => ManagedCluster.prototype.isPrototypeOf(c))
      .filter((c) => (ManagementCluster.of(c) ?? (only ? this : undefined)) === this);
  }

  /** The providers to install, derived from the clusters and bundles, with their settings. @internal */
  public _providers(): ResolvedProvider[] {
    return this.resolve().providers;
  }

  /**
   * The management cluster's own objects by file name (`providers.yaml`, …), rendered at synthesis.
   * @internal
   */
  public _manifests(): Map<string, any[]> {
    const { providers } = this.resolve();
    const files = new Map<string, any[]>();
    files.set('providers.yaml', providerObjects(providers, this.imageRegistry));
    if (this.deletionProtection) files.set('deletion-protection.yaml', deletionProtection(this.clusterName, providers));
    if (this.registerClustersInArgoCd) {
      const registration = argoCdRegistration(this.clusterName, this.argoCdClusters());
      if (registration.length > 0) files.set('argocd-cluster-registration.yaml', registration);
    }
    return files;
  }

  /** Values of the argo-cd Helm chart the management cluster's Argo CD is installed with (health checks). */
  public argoCdValues(): Record<string, any> {
    return argoCdHealthValues();
  }

  private resolve(): { providers: ResolvedProvider[]; errors: string[] } {
    const clusters = this.allClusters;
    const bundles = this.bundlesOf(clusters);
    const result = deriveProviders(this.clusterName, clusters, bundles, this.providerOptions);
    const aws = result.providers.find((p) => p.spec.key === 'aws');
    if (aws && !aws.options.configSecret) {
      result.errors.push(`runs AWS clusters (${aws.reasons.join(', ')}), but providers.aws.configSecret is not set. Create a Secret in '${aws.namespace}' with AWS_B64ENCODED_CREDENTIALS (\`clusterawsadm bootstrap credentials encode-as-profile\`) and give its name: providers: { aws: { configSecret: 'capa-variables' } }.`);
    }
    result.errors.push(...sharedAwsNames(clusters));
    if (this.gitOps?.engine === GitOpsEngine.ARGO_CD) {
      // one Argo CD per management cluster: it reconciles Applications and reads cluster Secrets of its own namespace
      // (a bundle that names another namespace runs with an Argo CD of its own there)
      for (const b of bundles) {
        const defaulted = b.delivery.kind === DeliveryKind.ARGO_CD && b.delivery.argoCdOptions?.namespace === undefined;
        const namespace = 'argocd';
        if (!defaulted || namespace === this.gitOps.namespace) continue;
        result.errors.push(`bundle '${b.bundleName}' delivers with Argo CD in namespace '${namespace}' (the default), but this management cluster's Argo CD (GitOps.argoCd) runs in '${this.gitOps.namespace}', which reconciles only its own namespace's Applications and cluster Secrets. Use AddonDelivery.argoCd({ namespace: '${this.gitOps.namespace}' }) (or name the namespace of another Argo CD that runs there).`);
      }
    }
    return result;
  }

  private bundlesOf(clusters: ManagedCluster[]): AddonBundle[] {
    const set = new Set(clusters);
    return this.node.root.node.findAll()
      .filter((c): c is AddonBundle => AddonBundle.prototype.isPrototypeOf(c))
      .filter((b) => b.attachedClusters.some((c) => set.has(c)) || (b.clusterSelector !== undefined && ManagementCluster.of(b) === this));
  }

  private argoCdClusters(): RegisteredCluster[] {
    const out: RegisteredCluster[] = [];
    const clusters = this.allClusters;
    const bundles = this.bundlesOf(clusters);
    for (const cluster of clusters) {
      const argo = bundles.find((b) => b.delivery.kind === DeliveryKind.ARGO_CD && b.attachedClusters.includes(cluster));
      if (argo) out.push({ cluster, argoNamespace: argo.delivery.argoCdOptions?.namespace ?? 'argocd' });
    }
    return out;
  }

  /** The workload clusters added to this management cluster, in the order they were added. */
  public get clusters(): ManagedCluster[] {
    return [...this._clusters];
  }

  /** Makes this the management cluster of `clusters`. A cluster belongs to one management cluster. */
  public addCluster(...clusters: ManagedCluster[]): void {
    checkNotSynthesized(this, 'addCluster');
    for (const cluster of clusters) {
      const current = (cluster as any)[MEMBERSHIP] as ManagementCluster | undefined;
      if (current === this) continue;
      if (current) {
        throw new ValidationError(this, `cluster '${cluster.clusterName}' already belongs to management cluster '${current.clusterName}'. A cluster has one management cluster; add it to one only.`);
      }
      Object.defineProperty(cluster, MEMBERSHIP, { value: this, configurable: false });
      this._clusters.push(cluster);
    }
  }
}

const IMAGE = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:\d+)?(\/[a-z0-9]([-a-z0-9._]*[a-z0-9])?)+(:[\w][\w.-]{0,127})?(@sha256:[a-f0-9]{64})?$/;
const SEMVER = /^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

function validateProviderOptions(scope: ManagementCluster, providers: ManagementProvidersOptions): void {
  for (const [key, options] of Object.entries(providers)) {
    const spec = PROVIDERS.find((p) => p.key === key);
    if (!spec) throw new ValidationError(scope, `providers.${key} is not a provider. Use one of ${PROVIDERS.map((p) => p.key).join(', ')}.`);
    if (options === undefined) continue;
    if (options.version !== undefined && !SEMVER.test(options.version)) {
      throw new ValidationError(scope, `providers.${key}.version '${options.version}' is not a release version. Use 'v' + semver, e.g. '${spec.version}'.`);
    }
    if (options.namespace !== undefined && !isDnsLabel(options.namespace)) {
      throw new ValidationError(scope, `providers.${key}.namespace '${options.namespace}' is not a namespace name. Use e.g. '${spec.namespace}'.`);
    }
    // a Secret in the provider's namespace
    if (options.configSecret !== undefined) checkSecretName(scope, `providers.${key}.configSecret`, options.configSecret, `${key}-variables`);
    for (const [gate, on] of Object.entries(options.featureGates ?? {})) {
      if (!/^[A-Za-z][A-Za-z0-9]*$/.test(gate) || typeof on !== 'boolean') {
        throw new ValidationError(scope, `providers.${key}.featureGates has '${gate}: ${on}'. Use gate names like 'MachinePool' with true or false.`);
      }
      checkKnownGate(scope, key, spec.name, gate);
    }
    if (options.managerImage !== undefined && !IMAGE.test(options.managerImage)) {
      throw new ValidationError(scope, `providers.${key}.managerImage '${options.managerImage}' is not an image reference. Use e.g. 'harbor.example.com/mirror/cluster-api/cluster-api-controller:${spec.version}'.`);
    }
    const fetch = options.fetchConfig;
    if (fetch) {
      const set = [fetch.url, fetch.oci, fetch.configMapLabels].filter((v) => v !== undefined).length;
      if (set !== 1) throw new ValidationError(scope, `providers.${key}.fetchConfig sets ${set} sources. Give exactly one of url, oci or configMapLabels.`);
      if (fetch.url !== undefined && !/^https?:\/\/\S+$/.test(fetch.url)) throw new ValidationError(scope, `providers.${key}.fetchConfig.url '${fetch.url}' is not an http(s) URL.`);
      if (fetch.oci !== undefined && (/^oci:\/\//.test(fetch.oci) || /\s/.test(fetch.oci) || !fetch.oci.includes('/'))) {
        throw new ValidationError(scope, `providers.${key}.fetchConfig.oci '${fetch.oci}' is not an OCI reference. Use 'registry.example.com/path/name:tag' (no oci:// scheme).`);
      }
      if (fetch.configMapLabels !== undefined) {
        // an empty selector would match every ConfigMap of the namespace
        if (Object.keys(fetch.configMapLabels).length === 0) {
          throw new ValidationError(scope, `providers.${key}.fetchConfig.configMapLabels is empty, which selects every ConfigMap of the namespace. Give the labels of the ConfigMaps that hold the provider's components, e.g. { 'provider-components': '${key}' }.`);
        }
        validateLabels(scope, `providers.${key}.fetchConfig.configMapLabels`, fetch.configMapLabels);
      }
    }
  }
}

/**
 * A gate the provider's manager does not know stops it from starting ("unrecognized feature
 * gate"): a known gate in other letter case is an error; a name not known at all a warning (the
 * list is of the pinned provider versions; a newer provider may know more).
 */
function checkKnownGate(scope: ManagementCluster, key: string, provider: string, gate: string): void {
  const known = PROVIDER_FEATURE_GATES[key];
  if (!known || known.includes(gate)) return;
  const sameLetters = known.find((g) => g.toLowerCase() === gate.toLowerCase());
  if (sameLetters) {
    throw new ValidationError(scope, `providers.${key}.featureGates has '${gate}', but gate names are case-sensitive: the manager of '${provider}' would not start. Use '${sameLetters}'.`);
  }
  addWarning(scope, `providers.${key}.featureGates has '${gate}', which is not a feature gate of '${provider}' at the pinned version (known: ${known.join(', ')}); its manager does not start with a gate it does not know. Check the spelling, or ignore this if your provider version has it.`);
}

/**
 * CAPA names and tags a self-managed cluster's AWS resources (load balancer, VPC, subnets,
 * security groups: `sigs.k8s.io/cluster-api-provider-aws/cluster/<name>`) by the cluster's name
 * alone, not its namespace (kubernetes-sigs/cluster-api#1554). Two AWS kubeadm clusters of one
 * management cluster with the same name, region and identity (one account) would take over each
 * other's resources.
 */
function sharedAwsNames(clusters: ManagedCluster[]): string[] {
  const errors: string[] = [];
  const seen = new Map<string, ManagedCluster>();
  for (const c of clusters) {
    if (c.infrastructure.provider !== 'aws') continue;
    const infra = c.infrastructure as AwsInfrastructure;
    const identity = `${infra.identity.kind}/${infra.identity.name}`;
    const key = `${infra.region}|${identity}|${c.clusterName}`;
    const other = seen.get(key);
    if (!other) {
      seen.set(key, c);
      continue;
    }
    errors.push(`clusters '${c.clusterName}' in namespaces '${other.clusterNamespace}' and '${c.clusterNamespace}' both run in AWS region ${infra.region} with identity ${identity}; CAPA names and tags a cluster's AWS resources by its name alone, so they would take over each other's load balancer, VPC and security groups. Give one of them another name, or another account (identity).`);
  }
  return errors;
}
