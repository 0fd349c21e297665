/**
 * A canonical, order-insensitive model of an IAM setup, built from a CloudFormation template
 * (clusterawsadm's output) or from synthesized Terraform JSON (CapaIam's output), so both can be
 * compared with one `toEqual`.
 *
 * Normalisation (documented in docs/terraform.md):
 * - statements: Action/NotAction/Resource lists sorted and de-duplicated, single values turned into
 *   one-element lists; Condition values likewise; Principal identifiers likewise; then statements
 *   sorted by their JSON. IAM evaluates all of these as sets.
 * - attachments as sorted `subject -> policy` edges, where a customer managed policy is written
 *   `policy:<name>` and an AWS managed policy by its ARN.
 * - CloudFormation `Fn::Sub` strings: `${AWS::Partition}` → `<partition>`, `${AWS::AccountId}` →
 *   `<account-id>`, `${AWS::Region}` → `<region>`; Terraform interpolations
 *   `${data.aws_partition.*.partition}`, `${data.aws_caller_identity.*.account_id}`,
 *   `${data.aws_region.*.name|region}` map to the same placeholders. `Ref`s and Terraform references
 *   to IAM resources resolve to the referenced object's name.
 */

/** The canonical model. */
export interface IamModel {
  roles: Record<string, { trust: any; inline: Record<string, any>; tags?: Record<string, string> }>;
  instanceProfiles: Record<string, string[]>;
  policies: Record<string, { description?: string; document: any }>;
  groups: string[];
  users: Record<string, { groups: string[]; inline: Record<string, any> }>;
  attachments: string[];
}

const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const sortedUnique = (v: unknown): unknown[] => [...new Set(asList(v).map((x) => (typeof x === 'string' ? x : JSON.stringify(x))))].sort();

/** Canonical form of a policy document (object or JSON string). */
export function normalisePolicy(doc: any): any {
  const d = typeof doc === 'string' ? JSON.parse(doc) : doc;
  const statements = asList(d.Statement).map((s: any) => {
    const out: Record<string, unknown> = { Effect: s.Effect };
    for (const k of ['Action', 'NotAction', 'Resource', 'NotResource']) {
      if (s[k] !== undefined) out[k] = sortedUnique(s[k]);
    }
    if (s.Principal !== undefined) {
      out.Principal = Object.fromEntries(Object.keys(s.Principal).sort().map((t) => [t, sortedUnique(s.Principal[t])]));
    }
    if (s.Condition !== undefined) {
      out.Condition = Object.fromEntries(Object.keys(s.Condition).sort().map((op) => [op,
        Object.fromEntries(Object.keys(s.Condition[op]).sort().map((k) => [k, sortedUnique(s.Condition[op][k])]))]));
    }
    if (s.Sid !== undefined) out.Sid = s.Sid;
    return out;
  });
  statements.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { Version: String(d.Version), Statement: statements };
}

function emptyModel(): IamModel {
  return { roles: {}, instanceProfiles: {}, policies: {}, groups: [], users: {}, attachments: [] };
}

function finish(m: IamModel): IamModel {
  m.groups.sort();
  m.attachments.sort();
  for (const u of Object.values(m.users)) u.groups.sort();
  for (const p of Object.keys(m.instanceProfiles)) m.instanceProfiles[p].sort();
  return m;
}

/** Replaces `Fn::Sub` pseudo parameters by the shared placeholders. */
export function substituteCfn(value: string): string {
  return value
    .replace(/\$\{AWS::Partition\}/g, '<partition>')
    .replace(/\$\{AWS::AccountId\}/g, '<account-id>')
    .replace(/\$\{AWS::Region\}/g, '<region>');
}

/** Resolves CloudFormation intrinsics in a value (Ref to IAM names, Fn::Sub, Fn::Join). */
function resolveCfn(value: any, names: Record<string, string>): any {
  if (Array.isArray(value)) return value.map((v) => resolveCfn(v, names));
  if (value && typeof value === 'object') {
    if ('Ref' in value) return names[value.Ref] ?? `<ref:${value.Ref}>`;
    if ('Fn::Sub' in value) {
      const [text, vars] = Array.isArray(value['Fn::Sub']) ? value['Fn::Sub'] : [value['Fn::Sub'], {}];
      return substituteCfn(String(text).replace(/\$\{([^!}:]+)\}/g, (all, v) => (vars && v in vars ? resolveCfn(vars[v], names) : names[v] ?? all)));
    }
    if ('Fn::Join' in value) {
      const [sep, parts] = value['Fn::Join'];
      return resolveCfn(parts, names).join(sep);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveCfn(v, names)]));
  }
  return value;
}

/** Builds the model from a parsed CloudFormation template. */
export function modelFromCloudFormation(template: any): IamModel {
  const resources: Record<string, any> = template.Resources;
  const nameProps: Record<string, string> = {
    'AWS::IAM::Role': 'RoleName',
    'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
    'AWS::IAM::Group': 'GroupName',
    'AWS::IAM::User': 'UserName',
    'AWS::IAM::InstanceProfile': 'InstanceProfileName',
  };
  const names: Record<string, string> = {};
  for (const [id, r] of Object.entries(resources)) names[id] = r.Properties[nameProps[r.Type]];
  const policyRef = (id: string) => (resources[id]?.Type === 'AWS::IAM::ManagedPolicy' ? `policy:${names[id]}` : id);

  const m = emptyModel();
  for (const [id, raw] of Object.entries(resources)) {
    const p = resolveCfn(raw.Properties, names);
    const inline = (policies: any[] | undefined) =>
      Object.fromEntries((policies ?? []).map((x) => [x.PolicyName, normalisePolicy(x.PolicyDocument)]));
    switch (raw.Type) {
      case 'AWS::IAM::Role':
        m.roles[p.RoleName] = { trust: normalisePolicy(p.AssumeRolePolicyDocument), inline: inline(p.Policies) };
        if (p.Tags) m.roles[p.RoleName].tags = Object.fromEntries(p.Tags.map((t: any) => [t.Key, t.Value]));
        for (const arn of p.ManagedPolicyArns ?? []) m.attachments.push(`role:${p.RoleName} -> ${arn}`);
        break;
      case 'AWS::IAM::InstanceProfile':
        m.instanceProfiles[p.InstanceProfileName] = p.Roles;
        break;
      case 'AWS::IAM::ManagedPolicy':
        m.policies[p.ManagedPolicyName] = { description: p.Description, document: normalisePolicy(p.PolicyDocument) };
        for (const r of p.Roles ?? []) m.attachments.push(`role:${r} -> ${policyRef(id)}`);
        for (const g of p.Groups ?? []) m.attachments.push(`group:${g} -> ${policyRef(id)}`);
        for (const u of p.Users ?? []) m.attachments.push(`user:${u} -> ${policyRef(id)}`);
        break;
      case 'AWS::IAM::Group':
        m.groups.push(p.GroupName);
        for (const arn of p.ManagedPolicyArns ?? []) m.attachments.push(`group:${p.GroupName} -> ${arn}`);
        break;
      case 'AWS::IAM::User':
        m.users[p.UserName] = { groups: p.Groups ?? [], inline: inline(p.Policies) };
        for (const arn of p.ManagedPolicyArns ?? []) m.attachments.push(`user:${p.UserName} -> ${arn}`);
        break;
      default:
        throw new Error(`unexpected resource type ${raw.Type} (${id})`);
    }
  }
  return finish(m);
}

/** Builds the model from synthesized Terraform JSON (the `cdk.tf.json` object). */
export function modelFromTerraform(tf: any): IamModel {
  const res: Record<string, Record<string, any>> = tf.resource ?? {};
  const of = (type: string) => Object.entries(res[type] ?? {});
  const refs: Record<string, string> = {};
  for (const [id, r] of of('aws_iam_role')) refs[`aws_iam_role.${id}.name`] = r.name;
  for (const [id, r] of of('aws_iam_group')) refs[`aws_iam_group.${id}.name`] = r.name;
  for (const [id, r] of of('aws_iam_user')) refs[`aws_iam_user.${id}.name`] = r.name;
  for (const [id, r] of of('aws_iam_policy')) refs[`aws_iam_policy.${id}.arn`] = `policy:${r.name}`;
  const resolve = (s: string): string => s.replace(/\$\{([^}]+)\}/g, (all, expr: string) => {
    if (expr in refs) return refs[expr];
    if (/^data\.aws_partition\.[^.]+\.partition$/.test(expr)) return '<partition>';
    if (/^data\.aws_caller_identity\.[^.]+\.account_id$/.test(expr)) return '<account-id>';
    if (/^data\.aws_region\.[^.]+\.(name|region)$/.test(expr)) return '<region>';
    return all;
  });
  const doc = (s: string) => normalisePolicy(JSON.parse(resolve(s)));

  const m = emptyModel();
  for (const [, r] of of('aws_iam_role')) m.roles[r.name] = { trust: doc(r.assume_role_policy), inline: {}, ...(r.tags ? { tags: r.tags } : {}) };
  for (const [, r] of of('aws_iam_role_policy')) m.roles[resolve(r.role)].inline[r.name] = doc(r.policy);
  for (const [, r] of of('aws_iam_instance_profile')) m.instanceProfiles[r.name] = [resolve(r.role)];
  for (const [, r] of of('aws_iam_policy')) m.policies[r.name] = { description: r.description, document: doc(r.policy) };
  for (const [, r] of of('aws_iam_role_policy_attachment')) m.attachments.push(`role:${resolve(r.role)} -> ${resolve(r.policy_arn)}`);
  for (const [, r] of of('aws_iam_group_policy_attachment')) m.attachments.push(`group:${resolve(r.group)} -> ${resolve(r.policy_arn)}`);
  for (const [, r] of of('aws_iam_user_policy_attachment')) m.attachments.push(`user:${resolve(r.user)} -> ${resolve(r.policy_arn)}`);
  for (const [, r] of of('aws_iam_group')) m.groups.push(r.name);
  for (const [, r] of of('aws_iam_user')) m.users[r.name] = { groups: [], inline: {} };
  for (const [, r] of of('aws_iam_user_group_membership')) m.users[resolve(r.user)].groups.push(...r.groups.map(resolve));
  for (const [, r] of of('aws_iam_user_policy')) m.users[resolve(r.user)].inline[r.name] = doc(r.policy);
  const known = ['aws_iam_role', 'aws_iam_role_policy', 'aws_iam_instance_profile', 'aws_iam_policy', 'aws_iam_role_policy_attachment',
    'aws_iam_group_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group', 'aws_iam_user', 'aws_iam_user_group_membership', 'aws_iam_user_policy'];
  const unknown = Object.keys(res).filter((t) => !known.includes(t));
  if (unknown.length > 0) throw new Error(`unexpected resource types ${unknown.join(', ')}`);
  return finish(m);
}
