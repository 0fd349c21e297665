import { parseCloudFormation } from './cfn-fixture';
import { modelFromCloudFormation, modelFromTerraform, normalisePolicy } from './iam-model';

describe('CloudFormation fixture loader', () => {
  test('given short-form intrinsic tags, when parsed, then they become long-form objects', () => {
    const doc = parseCloudFormation([
      'A: !Ref Role',
      'B: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x',
      'C: !GetAtt Role.Arn',
      'D: !Join [":", [a, b]]',
      'E: !Sub ["${X}-y", { X: z }]',
    ].join('\n'));
    expect(doc).toEqual({
      A: { Ref: 'Role' },
      B: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x' },
      C: { 'Fn::GetAtt': ['Role', 'Arn'] },
      D: { 'Fn::Join': [':', ['a', 'b']] },
      E: { 'Fn::Sub': ['${X}-y', { X: 'z' }] },
    });
  });

  test('given a CloudFormation Fn::Sub ARN and the Terraform data-source form, when modelled, then both normalise to the same placeholders', () => {
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } }] };
    const cfn = modelFromCloudFormation(parseCloudFormation([
      'Resources:',
      '  R:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      RoleName: r',
      `      AssumeRolePolicyDocument: ${JSON.stringify(trust)}`,
      '      ManagedPolicyArns:',
      '      - !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/p',
    ].join('\n')));
    const tf = modelFromTerraform({
      resource: {
        aws_iam_role: { r: { name: 'r', assume_role_policy: JSON.stringify(trust) } },
        aws_iam_role_policy_attachment: {
          a: { role: '${aws_iam_role.r.name}', policy_arn: 'arn:${data.aws_partition.p.partition}:iam::${data.aws_caller_identity.c.account_id}:policy/p' },
        },
      },
    });
    expect(tf).toEqual(cfn);
    expect(cfn.attachments).toEqual(['role:r -> arn:<partition>:iam::<account-id>:policy/p']);
  });

  test('given statements in another order with single values, when normalised, then they equal the list form', () => {
    const a = normalisePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['b', 'a', 'a'], Resource: '*' }, { Effect: 'Deny', Action: 'c', Resource: ['x'] }] });
    const b = normalisePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: ['c'], Resource: 'x' }, { Effect: 'Allow', Action: ['a', 'b'], Resource: ['*'] }] }));
    expect(a).toEqual(b);
  });
});
