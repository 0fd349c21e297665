/**
 * Instance metadata service (IMDS) settings of cloud machines. IMDSv2 (session tokens) is always
 * required and the endpoint always on (nodes bootstrap from it); what can be tuned is how far a
 * token response travels.
 */
export interface InstanceMetadataOptions {
  /**
   * The IMDSv2 token response hop limit (`httpPutResponseHopLimit`, 1–64). With 1, only processes
   * on the host network reach instance metadata; pods behind the container network need 2 (the
   * EBS CSI controller, the AWS load balancer controller and any pod using the node's instance
   * profile credentials). Set 1 to keep pods away from the node's credentials — then give AWS
   * addons credentials another way (IRSA, or host networking).
   * @default 2
   */
  readonly hopLimit?: number;
  /**
   * Expose the instance's tags in instance metadata (`instanceMetadataTags`).
   * @default false
   */
  readonly instanceTags?: boolean;
}
