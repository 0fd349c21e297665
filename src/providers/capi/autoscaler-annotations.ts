/** Annotation with the autoscaler's lower bound of a node group. */
export const AUTOSCALER_MIN_ANNOTATION = 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size';
/** Annotation with the autoscaler's upper bound of a node group. */
export const AUTOSCALER_MAX_ANNOTATION = 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size';
