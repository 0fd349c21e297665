/** The kubeadm providers' gate for `format: ignition` (off by default in CAPI v1.14). */
export const IGNITION_GATE = 'KubeadmBootstrapFormatIgnition';

/** CAPA's gate for Ignition user data (S3 bucket, AWSMachine `ignition`). */
export const CAPA_IGNITION_GATE = 'BootstrapFormatIgnition';
