/**
 * Ignition (Flatcar Container Linux) on AWS, as CAPA's `cluster-template-flatcar.yaml` flavor does
 * it: kubeadm waits for coreos-metadata, whose environment gives the node name, and the user data
 * goes through the cluster's S3 bucket.
 */

/** The S3 bucket CAPA stores Ignition user data in (`AWSCluster.spec.s3Bucket`). */
export interface IgnitionBucketOptions {
  /**
   * Bucket name (3 to 63 lower-case letters, digits, '.' and '-'). CAPA creates it; its IAM policy
   * (CapaIam `s3BucketAccess`) allows buckets named with the `s3BucketNamePrefix`, by default
   * `cluster-api-provider-aws-`.
   */
  readonly name: string;
  /**
   * Instance profiles of worker machines that may read their user data from the bucket.
   * @default ['nodes.cluster-api-provider-aws.sigs.k8s.io']
   */
  readonly nodesIamInstanceProfiles?: string[];
  /**
   * Ignore access errors when CAPA deletes the bucket's objects.
   * @default - CAPA's default (false)
   */
  readonly bestEffortDeleteObjects?: boolean;
}

/** Node name on Flatcar: the EC2 private DNS name from coreos-metadata, substituted by `envsubst`. */
export const FLATCAR_NODE_NAME = '${COREOS_EC2_HOSTNAME}';

/** Commands that substitute the coreos-metadata variables into the kubeadm configuration. */
export const FLATCAR_PRE_KUBEADM_COMMANDS = [
  'envsubst < /etc/kubeadm.yml > /etc/kubeadm.yml.tmp',
  'mv /etc/kubeadm.yml.tmp /etc/kubeadm.yml',
];

/** CAPA's Flatcar drop-in: kubeadm runs after coreos-metadata and sees its variables. */
export const FLATCAR_ADDITIONAL_CONFIG = [
  'systemd:',
  '  units:',
  '  - name: kubeadm.service',
  '    enabled: true',
  '    dropins:',
  '    - name: 10-flatcar.conf',
  '      contents: |',
  '        [Unit]',
  '        # kubeadm must run after coreos-metadata populated /run/metadata directory.',
  '        Requires=coreos-metadata.service',
  '        After=coreos-metadata.service',
  '        [Service]',
  '        # To make metadata environment variables available for pre-kubeadm commands.',
  '        EnvironmentFile=/run/metadata/*',
  '',
].join('\n');

/**
 * Flatcar defaults for every jsii language (`FLATCAR_ADDITIONAL_CONFIG` is a TypeScript constant,
 * which jsii does not export).
 */
export class FlatcarDefaults {
  /** CAPA's Flatcar drop-in (kubeadm.service waits for coreos-metadata): the start of your own `ignition.additionalConfig`. */
  public static readonly ADDITIONAL_CONFIG: string = FLATCAR_ADDITIONAL_CONFIG;

  private constructor() {}
}
