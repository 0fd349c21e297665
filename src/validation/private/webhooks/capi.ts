import { IGNITION_GATE } from '../../../core/feature-gates';
import { child, Issue } from '../issue';
import { labelValueErrors } from '../names';
import { get, isCidr, isZero, K8S_SEMVER, selectorIsEmpty, selectorMatches } from '../util';

const CONTROL_PLANE_TAINT = 'node-role.kubernetes.io/control-plane';

/** Webhook rules of Cluster API core, kubeadm bootstrap, kubeadm control plane and CRS (capi-notes §3). */
export function capiIssues(obj: any, group: string, featureGates: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  const add = (path: string, message: string): void => { issues.push({ path, message, rule: 'webhook' }); };
  const spec = obj.spec ?? {};
  const name = obj.metadata?.name;
  const labelName = (): void => {
    if (typeof name !== 'string' || name === '') return;
    for (const e of labelValueErrors(name)) add('metadata.name', `Invalid value: "${name}": ${obj.kind} names are used as label values: ${e}`);
  };
  const semver = (path: string): void => {
    const v = get(obj, path);
    if (typeof v === 'string' && !K8S_SEMVER.test(defaultVersion(v))) add(path, `Invalid value: "${v}": must be a valid semantic version, e.g. v1.33.4`);
  };
  if (group === 'cluster.x-k8s.io') {
    switch (obj.kind) {
      case 'Cluster':
        labelName();
        for (const kind of ['pods', 'services']) {
          const blocks = get(spec, `clusterNetwork.${kind}.cidrBlocks`);
          if (!Array.isArray(blocks)) continue;
          blocks.forEach((b: any, i: number) => {
            if (typeof b === 'string' && !isCidr(b)) add(`spec.clusterNetwork.${kind}.cidrBlocks[${i}]`, `Invalid value: "${b}": must be a valid CIDR block, e.g. 192.168.0.0/16`);
          });
        }
        if (spec.topology !== undefined && !featureGates.has('ClusterTopology')) {
          add('spec.topology', 'Forbidden: can be set only if the ClusterTopology feature flag is enabled');
        }
        semver('spec.topology.version');
        break;
      case 'MachineDeployment': case 'MachineSet':
        labelName();
        machineSetLike(obj, add);
        semver('spec.template.spec.version');
        workerTaints(get(spec, 'template.spec.taints'), 'spec.template.spec.taints', add, featureGates);
        break;
      case 'MachinePool':
        labelName();
        clusterNameMatches(obj, add);
        semver('spec.template.spec.version');
        workerTaints(get(spec, 'template.spec.taints'), 'spec.template.spec.taints', add, featureGates);
        break;
      case 'Machine':
        semver('spec.version');
        break;
      case 'MachineHealthCheck':
        if (spec.selector !== undefined && selectorIsEmpty(spec.selector)) {
          add('spec.selector', 'Invalid value: {}: selector must not be empty');
        }
        {
          const t = get(spec, 'checks.nodeStartupTimeoutSeconds');
          if (typeof t === 'number' && t !== 0 && t < 30) add('spec.checks.nodeStartupTimeoutSeconds', `Invalid value: ${t}: must be 0 (disabled) or at least 30 seconds`);
        }
        break;
      default:
    }
  } else if (group === 'controlplane.cluster.x-k8s.io' && obj.kind === 'KubeadmControlPlane') {
    // no label-value rule on the name: CAPI hashes KCP names longer than 63 characters into the
    // control-plane-name label (format.MustFormatValue), so the API server admits them
    kcp(obj, add);
    ignitionFormat(spec.kubeadmConfigSpec, 'spec.kubeadmConfigSpec', add, featureGates);
  } else if (group === 'controlplane.cluster.x-k8s.io' && obj.kind === 'KubeadmControlPlaneTemplate') {
    ignitionFormat(get(spec, 'template.spec.kubeadmConfigSpec'), 'spec.template.spec.kubeadmConfigSpec', add, featureGates);
  } else if (group === 'bootstrap.cluster.x-k8s.io' && obj.kind === 'KubeadmConfigTemplate') {
    ignitionFormat(get(spec, 'template.spec'), 'spec.template.spec', add, featureGates);
    workerTaints(get(spec, 'template.spec.joinConfiguration.nodeRegistration.taints'), 'spec.template.spec.joinConfiguration.nodeRegistration.taints', add, featureGates, true);
  } else if (group === 'bootstrap.cluster.x-k8s.io' && obj.kind === 'KubeadmConfig' && spec.initConfiguration === undefined && get(spec, 'joinConfiguration.controlPlane') === undefined) {
    // a worker's KubeadmConfig (e.g. for a MachinePool)
    ignitionFormat(spec, 'spec', add, featureGates);
    workerTaints(get(spec, 'joinConfiguration.nodeRegistration.taints'), 'spec.joinConfiguration.nodeRegistration.taints', add, featureGates, true);
  } else if (group === 'addons.cluster.x-k8s.io' && obj.kind === 'ClusterResourceSet') {
    if (spec.clusterSelector !== undefined && selectorIsEmpty(spec.clusterSelector)) {
      add('spec.clusterSelector', 'Invalid value: {}: selector must not be empty; an empty clusterSelector would match no cluster');
    }
  }
  return issues;
}

type Add = (path: string, message: string) => void;

const IGNITION_DISABLED = `Forbidden: can be set only if the ${IGNITION_GATE} feature gate is enabled`;
/** The kubeadm webhook's message for a field Ignition user data cannot carry. */
const NOT_WITH_IGNITION = 'Forbidden: not supported when spec.format is set to "ignition"';

/** The kubeadm webhooks' Ignition rules (KubeadmConfigSpec.validateIgnition). */
function ignitionFormat(spec: any, at: string, add: Add, featureGates: ReadonlySet<string>): void {
  if (spec === undefined || spec === null || typeof spec !== 'object') return;
  if (!featureGates.has(IGNITION_GATE)) {
    if (spec.format === 'ignition') add(`${at}.format`, IGNITION_DISABLED);
    if (spec.ignition !== undefined) add(`${at}.ignition`, IGNITION_DISABLED);
    return;
  }
  if (spec.format !== 'ignition') {
    if (spec.ignition !== undefined) add(`${at}.format`, `Invalid value: "${spec.format ?? ''}": must be set to "ignition" if spec.ignition is set`);
    return;
  }
  (Array.isArray(spec.files) ? spec.files : []).forEach((f: any, i: number) => {
    if (f?.encoding === 'gzip' || f?.encoding === 'gzip+base64') add(`${at}.files[${i}].encoding`, NOT_WITH_IGNITION);
  });
  (Array.isArray(spec.users) ? spec.users : []).forEach((u: any, i: number) => {
    if (u?.inactive === true) add(`${at}.users[${i}].inactive`, NOT_WITH_IGNITION);
  });
  (Array.isArray(get(spec, 'diskSetup.partitions')) ? spec.diskSetup.partitions : []).forEach((p: any, i: number) => {
    if (p?.tableType !== undefined && p.tableType !== 'gpt') add(`${at}.diskSetup.partitions[${i}].tableType`, `Invalid value: "${p.tableType}": only partition type "gpt" is supported when spec.format is set to "ignition"`);
  });
  (Array.isArray(get(spec, 'diskSetup.filesystems')) ? spec.diskSetup.filesystems : []).forEach((f: any, i: number) => {
    if (f?.partition !== undefined) add(`${at}.diskSetup.filesystems[${i}].partition`, NOT_WITH_IGNITION);
    if (f?.replaceFS !== undefined) add(`${at}.diskSetup.filesystems[${i}].replaceFS`, NOT_WITH_IGNITION);
  });
  if (spec.bootCommands !== undefined) add(`${at}.bootCommands`, NOT_WITH_IGNITION);
}

/** The version after the defaulting webhooks (KCP, Machine, MachineSet, MachineDeployment, MachinePool) add a missing leading `v`. */
function defaultVersion(v: string): string {
  return v.startsWith('v') ? v : `v${v}`;
}

function clusterNameMatches(obj: any, add: Add): void {
  const outer = obj.spec?.clusterName;
  const inner = obj.spec?.template?.spec?.clusterName;
  if (typeof outer === 'string' && typeof inner === 'string' && outer !== inner) {
    add('spec.template.spec.clusterName', `Invalid value: "${inner}": must match spec.clusterName "${outer}"`);
  }
}

function machineSetLike(obj: any, add: Add): void {
  const spec = obj.spec ?? {};
  clusterNameMatches(obj, add);
  const labels = spec.template?.metadata?.labels ?? {};
  if (spec.selector && typeof spec.selector === 'object' && !selectorMatches(spec.selector, labels)) {
    add('spec.template.metadata.labels', `Invalid value: ${JSON.stringify(labels)}: must match spec.selector ${JSON.stringify(spec.selector)}`);
  }
  const strategy = spec.rollout?.strategy;
  if (obj.kind === 'MachineDeployment' && (strategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
    const surge = strategy?.rollingUpdate?.maxSurge ?? 1;
    const unavailable = strategy?.rollingUpdate?.maxUnavailable ?? 0;
    if (isZero(surge) && isZero(unavailable)) {
      add('spec.rollout.strategy.rollingUpdate', 'Invalid value: maxSurge and maxUnavailable may not both be 0; set maxSurge to at least 1');
    }
  }
}

function workerTaints(taints: any, path: string, add: Add, gates: ReadonlySet<string>, kubeadm = false): void {
  if (!Array.isArray(taints)) return;
  if (!kubeadm && !gates.has('MachineTaintPropagation')) {
    add(path, 'Forbidden: taints can be set only if the MachineTaintPropagation feature flag is enabled; taint nodes through the kubeadm nodeRegistration instead');
  }
  taints.forEach((t: any, i: number) => {
    if (t?.key === CONTROL_PLANE_TAINT) add(`${path}[${i}].key`, `Invalid value: "${CONTROL_PLANE_TAINT}": worker templates may not use the control-plane taint`);
  });
}

function kcp(obj: any, add: Add): void {
  const spec = obj.spec ?? {};
  const replicas = spec.replicas;
  const externalEtcd = get(spec, 'kubeadmConfigSpec.clusterConfiguration.etcd.external') !== undefined;
  if (typeof replicas === 'number') {
    if (replicas <= 0) add('spec.replicas', `Forbidden: replicas (${replicas}) must be greater than zero`);
    else if (!externalEtcd && replicas % 2 === 0) add('spec.replicas', `Forbidden: replicas (${replicas}) cannot be an even number when etcd is stacked; use ${replicas - 1} or ${replicas + 1}`);
  }
  if (typeof spec.version === 'string' && !K8S_SEMVER.test(defaultVersion(spec.version))) {
    add('spec.version', `Invalid value: "${spec.version}": must be a valid semantic version, e.g. v1.33.4`);
  }
  const days = get(spec, 'rollout.before.certificatesExpiryDays');
  if (typeof days === 'number') {
    const validity = get(spec, 'kubeadmConfigSpec.clusterConfiguration.certificateValidityPeriodDays') ?? 365;
    if (days < 7) add('spec.rollout.before.certificatesExpiryDays', `Invalid value: ${days}: must be greater than or equal to 7`);
    else if (days >= validity) add('spec.rollout.before.certificatesExpiryDays', `Invalid value: ${days}: must be less than the certificate validity period (${validity} days)`);
  }
  const surge = get(spec, 'rollout.strategy.rollingUpdate.maxSurge');
  if (surge !== undefined) {
    const n = typeof surge === 'number' ? surge : /^\d+$/.test(String(surge)) ? Number(surge) : NaN;
    if (n !== 0 && n !== 1) {add('spec.rollout.strategy.rollingUpdate.maxSurge', `Invalid value: ${JSON.stringify(surge)}: must be either 0 or 1`);} else if (n === 0 && (typeof replicas !== 'number' || replicas < 3)) {
      add('spec.rollout.strategy.rollingUpdate.maxSurge', `Invalid value: 0: when maxSurge is 0 replicas must be at least 3 (got ${replicas ?? 'the default 1'})`);
    }
  }
  const init = get(spec, 'kubeadmConfigSpec.initConfiguration.timeouts.controlPlaneComponentHealthCheckSeconds');
  const join = get(spec, 'kubeadmConfigSpec.joinConfiguration.timeouts.controlPlaneComponentHealthCheckSeconds');
  if ((init !== undefined || join !== undefined) && init !== join) {
    add(child('spec.kubeadmConfigSpec', 'joinConfiguration.timeouts.controlPlaneComponentHealthCheckSeconds'),
      `Invalid value: ${join ?? 'unset'}: must be equal to initConfiguration.timeouts.controlPlaneComponentHealthCheckSeconds (${init ?? 'unset'})`);
  }
}
