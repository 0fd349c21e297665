/** Invalid EKS control plane, EKS addons, managed node groups, AWS MachinePools and self-managed workers on EKS. */
import { eksCluster } from './builders';
import { BadInputCase, k8s } from './harness';
import { Capacity, EksAccessEntryType, EksAmiType, EksAuthenticationMode, MachineImage, NodePoolKind, TaintEffect } from '../../src';

const ROLE = 'arn:aws:iam::111122223333:role/ebs';

export const eksCases: BadInputCase[] = [
  k8s('an EKS version without the leading v', 'prod', (app) => { eksCluster(app, {}, { version: '1.33.4' }); },
    /^prod: version '1\.33\.4' is not an EKS version\. Use 'v1\.33\.4'\./),
  k8s('an EKS version outside the supported range', 'prod', (app) => { eksCluster(app, {}, { version: 'v1.30' }); },
    /^prod: version 'v1\.30' is outside the versions EKS and Cluster API v1\.14 both support \(v1\.31 to v1\.36\)\. Pick a version in that range\./),
  k8s('kubeadm control-plane settings on EKS', 'prod', (app) => { eksCluster(app, {}, { controlPlane: { replicas: 3, machineType: 'm6i.large' } }); },
    /^prod: controlPlane\.replicas, controlPlane\.machineType cannot apply to EKS: AWS runs the control plane/),
  k8s('an API server port on EKS', 'prod', (app) => { eksCluster(app, {}, { network: { apiServerPort: 8443 } }); },
    /^prod: network\.apiServerPort \(8443\) cannot apply to EKS, whose endpoint always listens on 443/),
  k8s('both API endpoints disabled', 'prod', (app) => { eksCluster(app, { endpointAccess: { public: false, private: false } }); },
    /^prod: endpointAccess disables both the public and the private endpoint/),
  k8s('a public endpoint source that is not a CIDR', 'prod', (app) => { eksCluster(app, { endpointAccess: { publicCidrs: ['office'] } }); },
    /^prod: endpointAccess\.publicCidrs has 'office', which is not a CIDR block/),
  k8s('a secrets encryption key that is not a KMS ARN', 'prod', (app) => { eksCluster(app, { secretsEncryption: { kmsKey: 'my-key' } }); },
    /^prod: secretsEncryption\.kmsKey 'my-key' is not a KMS key or alias ARN/),
  k8s('an EKS cluster name with a space', 'prod', (app) => { eksCluster(app, { eksClusterName: '-bad name' }); },
    /^prod: eksClusterName '-bad name' is not a valid EKS cluster name/),
  k8s('access entries with the CONFIG_MAP mode', 'prod', (app) => {
    eksCluster(app, { access: { authenticationMode: EksAuthenticationMode.CONFIG_MAP, entries: [{ principalArn: 'arn:aws:iam::111122223333:role/a' }] } });
  }, /^prod: access\.entries need authenticationMode API or API_AND_CONFIG_MAP, not CONFIG_MAP\. Change the mode/),
  k8s('an access entry principal that is not an IAM ARN', 'prod', (app) => { eksCluster(app, { access: { authenticationMode: EksAuthenticationMode.API, entries: [{ principalArn: 'admin' }] } }); },
    /^prod: access\.entries\[0\]\.principalArn 'admin' is not an IAM role or user ARN\. Use 'arn:aws:iam::<account>:role\/<name>'\./),
  k8s('an EC2 access entry with Kubernetes groups', 'prod', (app) => {
    eksCluster(app, { access: { entries: [{ principalArn: 'arn:aws:iam::111122223333:role/n', type: EksAccessEntryType.EC2_LINUX, kubernetesGroups: ['x'] }] } });
  }, /^prod: access\.entries\[0\] of type 'ec2_linux' cannot have kubernetesGroups or policies \(CAPA rejects them\)\. Remove them or use type STANDARD\./),
  k8s('the vpc-cni addon with disableVpcCni', 'EksInfrastructure', (app) => { eksCluster(app, { disableVpcCni: true, addons: [{ name: 'vpc-cni', version: 'v1.19.0-eksbuild.1' }] }); },
    /^EksInfrastructure: addon 'vpc-cni' conflicts with disableVpcCni: CAPA cannot delete the VPC CNI and manage it as an addon\. Remove the addon or disableVpcCni\./),
  k8s('an EKS addon without a version', 'EksInfrastructure', (app) => { eksCluster(app, { addons: [{ name: 'coredns', version: '' }] }); },
    /^EksInfrastructure: addon 'coredns' has no version\. Set the version EKS lists for it, e\.g\. 'v1\.45\.0-eksbuild\.2'\./),
  k8s('an EKS addon added twice', 'EksInfrastructure', (app) => {
    eksCluster(app, { addons: [{ name: 'coredns', version: 'v1.12.1-eksbuild.2' }, { name: 'coredns', version: 'v1.12.1-eksbuild.3' }] });
  }, /^EksInfrastructure: addon 'coredns' is added twice\. Add each addon once\./),
  k8s('an EKS addon with IRSA but no OIDC provider', 'EksInfrastructure', (app) => { eksCluster(app, { addons: [{ name: 'aws-ebs-csi-driver', version: 'v1.45.0-eksbuild.2', serviceAccountRoleArn: ROLE }] }); },
    /^EksInfrastructure: addon 'aws-ebs-csi-driver' has a serviceAccountRoleArn \(IRSA\), which needs the cluster's OIDC provider\. Set associateOidcProvider: true\./),
  k8s('an EKS addon configuration that is not JSON or YAML', 'EksInfrastructure', (app) => {
    eksCluster(app, { addons: [{ name: 'coredns', version: 'v1.12.1-eksbuild.2', configuration: '{"replicaCount": 2' }] });
  }, /^EksInfrastructure: addon 'coredns' configuration is not valid JSON or YAML describing an object \(got '\{"replicaCount": 2'\)\. Give the configuration values as a JSON object, e\.g\. '\{"replicaCount": 2\}'\./),
  k8s('control-plane role policies without the EKSAllowAddRoles gate', 'prod', (app) => { eksCluster(app, { roleAdditionalPolicies: ['arn:aws:iam::aws:policy/AmazonEKSVPCResourceController'] }); },
    /^prod: roleAdditionalPolicies needs the CAPA feature gate EKSAllowAddRoles.*--feature-gates=EKSAllowAddRoles=true and set allowAddRoles: true/),
  k8s('kubelet flags on a managed node group', 'prod/ng', (app) => { eksCluster(app).addNodePool('ng', { kubeletExtraArgs: { 'max-pods': '58' } }); },
    /^prod\/ng: kubeletExtraArgs cannot apply to an EKS managed node group \(EKS bootstraps the nodes\)\. Remove them, or use NodePoolKind\.MACHINE_DEPLOYMENT/),
  k8s('a spot price cap on a managed node group', 'prod/ng', (app) => { eksCluster(app).addNodePool('ng', { capacity: Capacity.spot({ maxPrice: '0.1' }) }); },
    /^prod\/ng: capacity is Capacity\.spot\(\{ maxPrice: '0\.1' \}\), but EKS managed node groups take no spot price cap\. Use Capacity\.spot\(\) \(capacityType spot\)\./),
  k8s('a custom AMI on a managed node group without a launch template', 'prod/ng', (app) => { eksCluster(app).addNodePool('ng', { image: MachineImage.fromId('ami-0123456789abcdef0'), managedNodeGroup: { launchTemplate: false } }); },
    /^prod\/ng: image needs a launch template on a managed node group\. Remove managedNodeGroup\.launchTemplate: false \(a launch template is the default\), or remove image\./),
  k8s('a managed node group update config with both fields', 'prod/ng', (app) => { eksCluster(app).addNodePool('ng', { managedNodeGroup: { updateConfig: { maxUnavailable: 1, maxUnavailablePercentage: 10 } } }); },
    /^prod\/ng: managedNodeGroup\.updateConfig needs exactly one of maxUnavailable and maxUnavailablePercentage\./),
  k8s('a managed node group name with a dot', 'prod/ng', (app) => { eksCluster(app).addNodePool('ng', { managedNodeGroup: { nodeGroupName: 'ng.1' } }); },
    /^prod\/ng: managedNodeGroup\.nodeGroupName 'ng\.1' is not a valid EKS node group name\. Use 1–63 letters, digits, '-' and '_'\./),
  k8s('a reserved label on a managed node group', 'prod/ng', (app) => { eksCluster(app).addNodePool('ng', { nodeLabels: { 'k8s.io/tier': 'a' } }); },
    /^prod\/ng: nodeLabels\['k8s\.io\/tier'\]: EKS hands node-group labels to the kubelet, which may not set labels in the 'k8s\.io' namespace \(the node would not join\)\. Use e\.g\. the 'node\.cluster\.x-k8s\.io\/' prefix/),
  k8s('an empty managed node group role name', 'prod/ng', (app) => { eksCluster(app).addNodePool('ng', { managedNodeGroup: { roleName: '' } }); },
    /^prod\/ng: managedNodeGroup\.roleName is empty\. Name the node group's IAM role, or leave it unset for CAPA's default role\./),
  k8s('an empty managed node group AMI version', 'prod/ng', (app) => { eksCluster(app).addNodePool('ng', { managedNodeGroup: { amiVersion: ' ' } }); },
    /^prod\/ng: managedNodeGroup\.amiVersion is empty\. Give an EKS AMI release version \(e\.g\. '1\.33\.0-20250610'\), or leave it unset for the latest\./),
  k8s('a managed node group AMI type that does not exist', 'prod/ng', (app) => { eksCluster(app).addNodePool('ng', { managedNodeGroup: { amiType: 'UBUNTU' as EksAmiType } }); },
    /^prod\/ng: managedNodeGroup\.amiType 'UBUNTU' is not an EKS AMI type\. Use an EksAmiType value, e\.g\. EksAmiType\.AL2023_X86_64_STANDARD\./),
  k8s('an EKS cluster tag with an empty key', 'prod', (app) => { eksCluster(app, { additionalTags: { '': 'x' } }); },
    /^prod: additionalTags has an empty key\. Give every tag a key \(AWS rejects empty tag keys\)\./),
  k8s('remote access without a key pair', 'prod/ng', (app) => { eksCluster(app).addNodePool('ng', { managedNodeGroup: { launchTemplate: false, remoteAccess: {} } }); },
    /^prod\/ng: managedNodeGroup\.remoteAccess needs an EC2 key pair\. Set remoteAccess\.sshKeyName or the infrastructure sshKeyName\./),
  k8s('a taint effect EKS does not know on a managed node group', 'prod/ng', (app) => { eksCluster(app).addNodePool('ng', { taints: [{ key: 'gpu', effect: 'NoScheduling' as TaintEffect }] }); },
    /^prod\/ng: taint 'gpu' has effect 'NoScheduling', which is not a taint effect\. Use TaintEffect\.NO_SCHEDULE, PREFER_NO_SCHEDULE or NO_EXECUTE\./),
  k8s('an EKS MachinePool refresh tuned while disabled', 'prod/mp', (app) => {
    eksCluster(app).addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL, machinePool: { instanceRefresh: { enabled: false, minHealthyPercentage: 90 } } });
  }, /^prod\/mp: machinePool\.instanceRefresh is disabled but also tuned \(strategy, instanceWarmup or health percentages\)\. Remove the tuning or enable the refresh\./),
  k8s('a self-managed EKS worker kubelet flag written with dashes', 'prod/md', (app) => {
    eksCluster(app).addNodePool('md', { kind: NodePoolKind.MACHINE_DEPLOYMENT, kubeletExtraArgs: { '--max-pods': '58' } });
  }, /^prod\/md: kubeletExtraArgs .*'--max-pods'.* Use the flag name without (them|leading dashes), e\.g\. 'max-pods'\./),
  k8s('a self-managed EKS worker from a Flatcar image lookup', 'prod/md', (app) => {
    eksCluster(app).addNodePool('md', { kind: NodePoolKind.MACHINE_DEPLOYMENT, image: MachineImage.lookup({ baseOS: 'flatcar-stable' }) });
  }, /^prod\/md: the image lookup \(base OS 'flatcar-stable'\) is Flatcar, but EKS self-managed nodes bootstrap with EKSConfig \(cloud-init only\)\. Use an EKS-optimized AMI/),
];
