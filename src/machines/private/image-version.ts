import { IConstruct } from 'constructs';
import { ValidationError } from '../../core/validation-error';
import { MachineImage } from '../machine-image';

const VERSION = /^v(\d+)\.(\d+)(?:\.(\d+))?$/;

/**
 * Checks that a fixed image built for a declared Kubernetes version matches the cluster's version
 * (`v1.33.4`, or `v1.33` on EKS where only minors exist): the patch must match when both give one.
 */
export function checkImageVersion(scope: IConstruct, field: string, image: MachineImage | undefined, clusterVersion: string): void {
  if (!image) return;
  const declared = image.kubernetesVersion;
  if (declared !== undefined && image.withoutKubernetes) {
    throw new ValidationError(scope, `${field}image '${image.amiId}' declares kubernetesVersion '${declared}' and withoutKubernetes. Use one of them.`);
  }
  if (declared === undefined) return;
  const d = VERSION.exec(declared);
  if (!d) {
    throw new ValidationError(scope, `${field}image '${image.amiId}' declares kubernetesVersion '${declared}', which is not a Kubernetes version. Use e.g. 'v1.33.4'.`);
  }
  const c = VERSION.exec(clusterVersion);
  if (!c) return; // the cluster's own version check reports it
  const sameMinor = d[1] === c[1] && d[2] === c[2];
  const samePatch = d[3] === undefined || c[3] === undefined || d[3] === c[3];
  if (!sameMinor || !samePatch) {
    throw new ValidationError(scope, `${field}image '${image.amiId}' was built for Kubernetes ${declared}, but the cluster runs ${clusterVersion}: kubelet and kubeadm on the image would not match the control plane. Bake an image for ${clusterVersion} (image-builder) and use MachineImage.fromId('<new image>', { kubernetesVersion: '${clusterVersion}' }), use MachineImage.lookup(), or declare withoutKubernetes: true for an image without Kubernetes.`);
  }
}

/** Whether an image (or the cluster-wide lookup base OS) is Flatcar Container Linux, which boots with Ignition only. */
export function isFlatcar(os: string | undefined): boolean {
  return os !== undefined && /^flatcar/i.test(os);
}

/** Whether an OS is known to run cloud-init only (so Ignition user data would be ignored). */
export function isCloudInitOnly(os: string | undefined): boolean {
  return os !== undefined && /^(ubuntu|amazon|al20|rhel|centos|rocky|alma|debian|photon|sles|windows)/i.test(os);
}
