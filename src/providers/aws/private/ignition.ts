/**
 * Ignition (Flatcar) on AWS, as in CAPA's `cluster-template-flatcar.yaml` flavor: the kubeadm
 * service waits for coreos-metadata, whose environment gives the node name
 * (`${COREOS_EC2_HOSTNAME}`, substituted into /etc/kubeadm.yml by `envsubst` before kubeadm), and
 * the user data goes through the cluster's S3 bucket.
 */
import { IConstruct } from 'constructs';
import { IgnitionStorage, NodeBootstrapOptions } from '../../../bootstrap/node-bootstrap';
import { usesIgnition } from '../../../bootstrap/private/render';
import { BootstrapSupport, checkContainerLinuxConfig } from '../../../bootstrap/private/validate';
import { ValidationError } from '../../../core/validation-error';
import { MachineImage, MachineImageLookupOptions } from '../../../machines/machine-image';
import { checkImageVersion, isCloudInitOnly, isFlatcar } from '../../../machines/private/image-version';
import { FLATCAR_ADDITIONAL_CONFIG, FLATCAR_NODE_NAME, FLATCAR_PRE_KUBEADM_COMMANDS, IgnitionBucketOptions } from '../ignition';

/** Bootstrap options the AWS (kubeadm) infrastructure supports: everything, including Ignition. */
export const AWS_BOOTSTRAP_SUPPORT: BootstrapSupport = { target: 'AWS (CAPA)', ignition: true };

/** How a control plane or pool on AWS bootstraps, after the checks. */
export interface AwsBootstrapPlan {
  /** The AWSMachineTemplate/AWSMachinePool `ignition` field (Ignition user data only). */
  readonly machineIgnition?: { version: string; storageType: string };
  /** The kubelet node name. */
  readonly nodeName: string;
  /** What the kubeadm renderers get from the infrastructure. */
  readonly preKubeadmCommands?: string[];
  readonly defaultIgnitionConfig?: string;
  readonly bootstrapSupport: BootstrapSupport;
}

/** What a plan needs to know about the machines. */
export interface AwsBootstrapInput {
  readonly scope: IConstruct;
  /** Field prefix, `controlPlane.` or ``. */
  readonly field: string;
  readonly image: MachineImage | undefined;
  readonly bootstrap: NodeBootstrapOptions | undefined;
  readonly clusterVersion: string;
  readonly clusterImageLookup: MachineImageLookupOptions | undefined;
  readonly ignitionBucket: IgnitionBucketOptions | undefined;
  /** The machines' instance profile, and the profiles the bucket grants. */
  readonly instanceProfile: string;
  readonly bucketProfiles: string[];
  /** Cloud-init node name otherwise. */
  readonly cloudInitNodeName: string;
}

/**
 * Checks the image against the cluster version and the bootstrap format (a Flatcar image needs
 * Ignition; Ignition needs an image that runs it, and on AWS the S3 bucket unless the user data
 * is unencrypted), and returns what the renderers need.
 */
export function planAwsBootstrap(input: AwsBootstrapInput): AwsBootstrapPlan {
  const { scope, field, image, bootstrap } = input;
  checkImageVersion(scope, field, image, input.clusterVersion);
  const os = image ? image.os : (input.clusterImageLookup?.baseOS ?? 'ubuntu-24.04');
  const ignition = usesIgnition(bootstrap);
  const what = image?.amiId ? `${field}image '${image.amiId}' (os '${os}')` : `the ${field}image lookup (base OS '${os}')`;
  if (isFlatcar(os) && !ignition) {
    throw new ValidationError(scope, `${what} is Flatcar, which boots with Ignition only: cloud-init user data would be ignored and the machine would never join. Set ${field}bootstrap.format: BootstrapFormat.IGNITION.`);
  }
  if (!ignition) {
    return { nodeName: input.cloudInitNodeName, bootstrapSupport: AWS_BOOTSTRAP_SUPPORT };
  }
  if (isCloudInitOnly(os)) {
    throw new ValidationError(scope, `${field}bootstrap.format is IGNITION, but ${what} runs cloud-init, which ignores Ignition user data. Use a Flatcar image: MachineImage.lookup({ baseOS: 'flatcar-stable' }) or MachineImage.fromId('<ami>', { os: 'flatcar-stable', kubernetesVersion: '${input.clusterVersion}' }).`);
  }
  const own = bootstrap?.ignition?.additionalConfig;
  if (own !== undefined) checkContainerLinuxConfig(scope, `${field}bootstrap.ignition.additionalConfig`, own); // syntax first
  if (own !== undefined && !own.includes('coreos-metadata')) {
    throw new ValidationError(scope, `${field}bootstrap.ignition.additionalConfig replaces CAPA's Flatcar drop-in, and lacks the kubeadm.service drop-in that waits for coreos-metadata.service: the node name ${FLATCAR_NODE_NAME} would stay empty. Start from FLATCAR_ADDITIONAL_CONFIG (FlatcarDefaults.ADDITIONAL_CONFIG) and add your units to it.`);
  }
  const storage = bootstrap?.ignition?.storage ?? IgnitionStorage.CLUSTER_OBJECT_STORE;
  if (storage === IgnitionStorage.CLUSTER_OBJECT_STORE) {
    if (!input.ignitionBucket) {
      throw new ValidationError(scope, `${field}bootstrap.format is IGNITION, and CAPA stores Ignition user data in the cluster's S3 bucket, but the cluster has none. Set ignitionBucket: { name: 'cluster-api-provider-aws-<cluster>' } on the AWS infrastructure (and s3BucketAccess on CapaIam), or ignition.storage: IgnitionStorage.UNENCRYPTED_USER_DATA.`);
    }
    if (!input.bucketProfiles.includes(input.instanceProfile)) {
      throw new ValidationError(scope, `${field}iamInstanceProfile '${input.instanceProfile}' cannot read the Ignition bucket: the bucket grants ${input.bucketProfiles.map((p) => `'${p}'`).join(', ')}. Add it to ignitionBucket.nodesIamInstanceProfiles.`);
    }
  }
  return {
    machineIgnition: { version: '2.3', storageType: storage },
    nodeName: FLATCAR_NODE_NAME,
    preKubeadmCommands: FLATCAR_PRE_KUBEADM_COMMANDS,
    defaultIgnitionConfig: FLATCAR_ADDITIONAL_CONFIG,
    bootstrapSupport: AWS_BOOTSTRAP_SUPPORT,
  };
}
