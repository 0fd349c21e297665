import { IamGroup } from '@cdktf/provider-aws/lib/iam-group';
import { IamGroupPolicyAttachment } from '@cdktf/provider-aws/lib/iam-group-policy-attachment';
import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { IamUserGroupMembership } from '@cdktf/provider-aws/lib/iam-user-group-membership';
import { IamUserPolicy } from '@cdktf/provider-aws/lib/iam-user-policy';
import { IamUserPolicyAttachment } from '@cdktf/provider-aws/lib/iam-user-policy-attachment';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { CapaIamNames } from './capa-iam-names';
import { CapaIamProps, CapaIamRoleOptions } from './capa-iam-props';
import { controlPlanePolicyStatements } from './control-plane-policy';
import { controllersPolicyStatements } from './controllers-policy';
import { controllersEksPolicyStatements, eksConsolePolicyStatements } from './eks-policy';
import { nodesPolicyStatements } from './nodes-policy';
import { PolicyDocument, PolicyStatement } from './policy-document';
import { ResolvedCapaIamConfig } from './private/config';
import { awsManagedPolicyArn, serviceTrust } from './private/statements';
import { validateCapaIamProps } from './private/validate';
import { SecretBackend } from './secret-backend';

/**
 * The IAM roles, instance profiles, managed policies and (optionally) bootstrap user and group that
 * `clusterawsadm bootstrap iam create-cloudformation-stack` (CAPA v2.11.1) creates, as Terraform.
 *
 * Every clusterawsadm option has a prop (see `docs/terraform.md` for the mapping); with no props the
 * output matches clusterawsadm's default template. Names are plain strings, known before `apply`,
 * so manifests can refer to them (`controlPlaneInstanceProfileName`, `nodesInstanceProfileName`, …).
 *
 * Managed policies are attached with `aws_iam_role_policy_attachment` /
 * `aws_iam_group_policy_attachment` resources, policy documents are JSON strings in clusterawsadm's
 * statement order.
 */
export class CapaIam extends Construct {
  /** Name prefix in use. */
  public readonly namePrefix: string;
  /** Name suffix in use. */
  public readonly nameSuffix: string;
  /** Partition in use. */
  public readonly partition: string;
  /** Name of the inline policies holding extra statements. */
  public readonly inlinePolicyName: string;
  /** Whether EKS permissions and roles are created. */
  public readonly eksEnabled: boolean;
  /** Secret backends in use. */
  public readonly secretBackends: SecretBackend[];

  /** Control-plane role name, e.g. `control-plane.cluster-api-provider-aws.sigs.k8s.io`. */
  public readonly controlPlaneRoleName: string;
  /** Control-plane instance profile name (AWSMachineTemplate `iamInstanceProfile` of control-plane machines). */
  public readonly controlPlaneInstanceProfileName: string;
  /** Nodes role name. */
  public readonly nodesRoleName: string;
  /** Nodes instance profile name (AWSMachineTemplate `iamInstanceProfile` of workers). */
  public readonly nodesInstanceProfileName: string;
  /** Controllers role name (the role the CAPA controllers run as). */
  public readonly controllersRoleName: string;
  /** Controllers instance profile name. */
  public readonly controllersInstanceProfileName: string;
  /** Name of the default EKS control-plane role, when created. */
  public readonly eksControlPlaneRoleName?: string;
  /** Name of the default EKS managed node group role, when created. */
  public readonly eksNodegroupRoleName?: string;
  /** Name of the default EKS Fargate role, when created. */
  public readonly eksFargateRoleName?: string;
  /** Name of the bootstrap user, when created. */
  public readonly bootstrapUserName?: string;
  /** Name of the bootstrap group, when created. */
  public readonly bootstrapGroupName?: string;

  /** The control-plane role. */
  public readonly controlPlaneRole: IamRole;
  /** The controllers role. */
  public readonly controllersRole: IamRole;
  /** The nodes role. */
  public readonly nodesRole: IamRole;
  /** The `controllers` managed policy. */
  public readonly controllersPolicy: IamPolicy;
  /** The `controllers-eks` managed policy, when EKS is enabled. */
  public readonly controllersEksPolicy?: IamPolicy;

  private readonly permissionsBoundary?: string;

  constructor(scope: Construct, id: string, props: CapaIamProps = {}) {
    super(scope, id);
    validateCapaIamProps(this, props);

    this.namePrefix = props.namePrefix ?? '';
    this.nameSuffix = props.nameSuffix ?? CapaIamNames.DEFAULT_NAME_SUFFIX;
    this.partition = props.partition ?? 'aws';
    this.inlinePolicyName = props.inlinePolicyName ?? CapaIamNames.DEFAULT_INLINE_POLICY_NAME;
    this.permissionsBoundary = props.permissionsBoundary;
    const eks = props.eks ?? {};
    this.eksEnabled = eks.enabled ?? true;
    this.secretBackends = props.secretBackends ?? [SecretBackend.secretsManager()];

    const config: ResolvedCapaIamConfig = {
      namePrefix: this.namePrefix,
      nameSuffix: this.nameSuffix,
      partition: this.partition,
      secretBackends: this.secretBackends.map((b) => b.name),
      allowAssumeRole: props.allowAssumeRole ?? false,
      s3BucketAccess: props.s3BucketAccess ?? false,
      s3BucketNamePrefix: props.s3BucketNamePrefix ?? CapaIamNames.DEFAULT_S3_BUCKET_NAME_PREFIX,
      eventBridge: props.eventBridge ?? false,
      allowedEc2InstanceProfiles: props.controllers?.allowedEc2InstanceProfiles ?? [this.managedName('*')],
      eksEnabled: this.eksEnabled,
      eksKmsAliasPrefix: eks.kmsAliasPrefix ?? CapaIamNames.DEFAULT_EKS_KMS_ALIAS_PREFIX,
      eksAllowIamRoleCreation: eks.allowIamRoleCreation ?? false,
    };

    this.controlPlaneRoleName = this.managedName('control-plane');
    this.controlPlaneInstanceProfileName = this.controlPlaneRoleName;
    this.nodesRoleName = this.managedName('nodes');
    this.nodesInstanceProfileName = this.nodesRoleName;
    this.controllersRoleName = this.managedName('controllers');
    this.controllersInstanceProfileName = this.controllersRoleName;

    // Roles, their inline policies and instance profiles.
    const cp = props.controlPlane ?? {};
    this.controlPlaneRole = this.role('control-plane', this.controlPlaneRoleName, ['ec2.amazonaws.com'], cp);
    this.attachAll(this.controlPlaneRole, 'control-plane', cp.extraPolicyArns ?? []);
    this.controllersRole = this.role('controllers', this.controllersRoleName, ['ec2.amazonaws.com'], props.controllers ?? {});
    this.attachAll(this.controllersRole, 'controllers', props.controllers?.extraPolicyArns ?? []);
    const nodes = props.nodes ?? {};
    this.nodesRole = this.role('nodes', this.nodesRoleName, ['ec2.amazonaws.com'], nodes);
    const nodesAwsPolicies: string[] = [];
    if (this.eksEnabled) nodesAwsPolicies.push('AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy');
    if (nodes.ec2ContainerRegistryReadOnly) nodesAwsPolicies.push('AmazonEC2ContainerRegistryReadOnly');
    this.attachAll(this.nodesRole, 'nodes', [...nodesAwsPolicies.map((p) => awsManagedPolicyArn(this.partition, p)), ...(nodes.extraPolicyArns ?? [])]);

    this.instanceProfile('control-plane', this.controlPlaneInstanceProfileName, this.controlPlaneRole);
    this.instanceProfile('controllers', this.controllersInstanceProfileName, this.controllersRole);
    this.instanceProfile('nodes', this.nodesInstanceProfileName, this.nodesRole);

    // Bootstrap user and group.
    let group: IamGroup | undefined;
    if (props.bootstrapUser) {
      const bu = props.bootstrapUser;
      this.bootstrapGroupName = bu.groupName ?? CapaIamNames.DEFAULT_BOOTSTRAP_GROUP_NAME;
      this.bootstrapUserName = bu.userName ?? CapaIamNames.DEFAULT_BOOTSTRAP_USER_NAME;
      group = new IamGroup(this, 'bootstrapper-group', { name: this.bootstrapGroupName });
      const user = new IamUser(this, 'bootstrapper-user', {
        name: this.bootstrapUserName,
        permissionsBoundary: this.permissionsBoundary,
        tags: nonEmpty(bu.tags),
      });
      new IamUserGroupMembership(this, 'bootstrapper-membership', { user: user.name, groups: [group.name, ...(bu.extraGroups ?? [])] });
      if (bu.extraStatements && bu.extraStatements.length > 0) {
        new IamUserPolicy(this, 'bootstrapper-user-inline', { name: this.inlinePolicyName, user: user.name, policy: PolicyDocument.render(bu.extraStatements) });
      }
      attachmentIds('bootstrapper-user', bu.extraPolicyArns ?? []).forEach(([attachmentId, arn]) => {
        new IamUserPolicyAttachment(this, attachmentId, { user: user.name, policyArn: arn });
      });
    }

    // Managed policies and where clusterawsadm attaches them.
    const controllerRoles = cp.disableControllersPolicyAttachment ? [this.controllersRole] : [this.controllersRole, this.controlPlaneRole];
    this.controllersPolicy = this.managedPolicy('controllers', 'For the Kubernetes Cluster API Provider AWS Controllers',
      controllersPolicyStatements(config), controllerRoles, group);
    if (this.eksEnabled) {
      this.controllersEksPolicy = this.managedPolicy('controllers-eks', 'For the Kubernetes Cluster API Provider AWS Controllers',
        controllersEksPolicyStatements(config), controllerRoles, group);
    }
    if (!cp.disableCloudProviderPolicy) {
      this.managedPolicy('control-plane', 'For the Kubernetes Cloud Provider AWS Control Plane', controlPlanePolicyStatements(), [this.controlPlaneRole]);
    }
    if (!nodes.disableCloudProviderPolicy) {
      this.managedPolicy('nodes', 'For the Kubernetes Cloud Provider AWS nodes', nodesPolicyStatements(config), [this.controlPlaneRole, this.nodesRole]);
    }

    // EKS default roles and console policy.
    if (this.eksEnabled) {
      if (eks.defaultControlPlaneRole ?? true) {
        this.eksControlPlaneRoleName = CapaIamNames.EKS_CONTROL_PLANE_ROLE;
        const role = this.role('eks-controlplane', this.eksControlPlaneRoleName, ['eks.amazonaws.com'], {});
        this.attachAll(role, 'eks-controlplane', [awsManagedPolicyArn(this.partition, 'AmazonEKSClusterPolicy')]);
      }
      if (eks.managedMachinePoolRole) {
        this.eksNodegroupRoleName = CapaIamNames.EKS_NODEGROUP_ROLE;
        const role = this.role('eks-nodegroup', this.eksNodegroupRoleName, ['ec2.amazonaws.com', 'eks.amazonaws.com'], {});
        this.attachAll(role, 'eks-nodegroup', ['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryReadOnly']
          .map((p) => awsManagedPolicyArn(this.partition, p)));
      }
      if (eks.fargateRole) {
        this.eksFargateRoleName = CapaIamNames.EKS_FARGATE_ROLE;
        const role = this.role('eks-fargate', this.eksFargateRoleName, ['eks-fargate-pods.amazonaws.com'], {});
        this.attachAll(role, 'eks-fargate', [awsManagedPolicyArn(this.partition, 'AmazonEKSFargatePodExecutionRolePolicy')]);
      }
      if (eks.consolePolicy) {
        this.managedPolicy('eks-console', 'For users/groups to view EKS nodes and workloads', eksConsolePolicyStatements(), []);
      }
    }
  }

  /** `<prefix><name><suffix>`, clusterawsadm's managed name. */
  public managedName(name: string): string {
    return CapaIamNames.managedName(name, this.namePrefix, this.nameSuffix);
  }

  private role(id: string, name: string, services: string[], options: CapaIamRoleOptions): IamRole {
    const trust: PolicyStatement[] = [serviceTrust(services), ...(options.trustStatements ?? [])];
    const role = new IamRole(this, `${id}-role`, {
      name,
      assumeRolePolicy: PolicyDocument.render(trust),
      permissionsBoundary: this.permissionsBoundary,
      tags: nonEmpty(options.tags),
    });
    if (options.extraStatements && options.extraStatements.length > 0) {
      new IamRolePolicy(this, `${id}-role-inline`, { name: this.inlinePolicyName, role: role.name, policy: PolicyDocument.render(options.extraStatements) });
    }
    return role;
  }

  private attachAll(role: IamRole, id: string, arns: string[]): void {
    attachmentIds(`${id}-role`, arns).forEach(([attachmentId, arn]) => {
      new IamRolePolicyAttachment(this, attachmentId, { role: role.name, policyArn: arn });
    });
  }

  private instanceProfile(id: string, name: string, role: IamRole): IamInstanceProfile {
    return new IamInstanceProfile(this, `${id}-instance-profile`, { name, role: role.name });
  }

  private managedPolicy(id: string, description: string, statements: PolicyStatement[], roles: IamRole[], group?: IamGroup): IamPolicy {
    const policy = new IamPolicy(this, `${id}-policy`, { name: this.managedName(id), description, policy: PolicyDocument.render(statements) });
    for (const role of roles) {
      const roleId = role.node.id.replace(/-role$/, '');
      new IamRolePolicyAttachment(this, `${id}-policy-to-${roleId}`, { role: role.name, policyArn: policy.arn });
    }
    if (group) {
      new IamGroupPolicyAttachment(this, `${id}-policy-to-bootstrapper`, { group: group.name, policyArn: policy.arn });
    }
    return policy;
  }
}

/**
 * Construct ids for policy attachments, named after the policy (`nodes-role-AmazonEKS_CNI_Policy`)
 * so that reordering a list does not replace attachments; the same ARN twice is attached once;
 * unresolved tokens and name clashes fall back to the index.
 */
function attachmentIds(prefix: string, arns: string[]): Array<[string, string]> {
  const used = new Set<string>();
  const unique = arns.filter((arn, i) => arns.indexOf(arn) === i);
  return unique.map((arn, i) => {
    const last = arn.split('/').pop() ?? '';
    const readable = !Token.isUnresolved(arn) && /^[\w+=,.@-]+$/.test(last) && !used.has(`${prefix}-${last}`);
    const id = readable ? `${prefix}-${last}` : `${prefix}-attachment-${i}`;
    used.add(id);
    return [id, arn];
  });
}

function nonEmpty(tags?: { [key: string]: string }): { [key: string]: string } | undefined {
  return tags && Object.keys(tags).length > 0 ? tags : undefined;
}
