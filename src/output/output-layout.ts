/** How `Platform.synth()` lays out the files it writes. */
export enum OutputLayout {
  /**
   * One `<cluster>.k8s.yaml` per top-level chart in the output directory (for pipelines of your own).
   */
  FLAT = 'flat',
  /**
   * A GitOps repository: `clusters/<management-cluster>/<namespace>/<cluster>/{cluster,addons}/`,
   * `management/<management-cluster>/` (namespaces, identities, fleet-wide addon objects),
   * `bootstrap/<management-cluster>/` (the Argo CD or Flux root objects) and a `README.md` index.
   */
  GITOPS = 'gitops',
}
