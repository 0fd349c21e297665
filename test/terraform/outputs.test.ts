import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NetworkOutputNames, NetworkOutputs, TerraformOutputs } from '../../src/terraform/outputs';

const SAMPLE = {
  prod_seoul_vpc_id: { sensitive: false, type: 'string', value: 'vpc-0123' },
  prod_seoul_public_subnet_ids: {
    sensitive: false,
    type: ['object', { 'ap-northeast-2a': 'string', 'ap-northeast-2b': 'string' }],
    value: { 'ap-northeast-2b': 'subnet-pub-b', 'ap-northeast-2a': 'subnet-pub-a' },
  },
  prod_seoul_private_subnet_ids: {
    sensitive: false,
    type: ['object', { 'ap-northeast-2a': 'string', 'ap-northeast-2b': 'string' }],
    value: { 'ap-northeast-2a': 'subnet-priv-a', 'ap-northeast-2b': 'subnet-priv-b' },
  },
  names: { sensitive: false, type: ['list', 'string'], value: ['a', 'b'] },
};

function writeTmp(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-outputs-'));
  const file = path.join(dir, 'outputs.json');
  fs.writeFileSync(file, content);
  return file;
}

describe('TerraformOutputs', () => {
  test('given a terraform output -json file, when read, then typed values come back', () => {
    const outputs = TerraformOutputs.fromFile(writeTmp(JSON.stringify(SAMPLE)));
    expect(outputs.string('prod_seoul_vpc_id')).toEqual('vpc-0123');
    expect(outputs.stringList('names')).toEqual(['a', 'b']);
    expect(outputs.stringMap('prod_seoul_public_subnet_ids')).toEqual({ 'ap-northeast-2a': 'subnet-pub-a', 'ap-northeast-2b': 'subnet-pub-b' });
    expect(outputs.entry('names').sensitive).toBe(false);
  });

  test('given a file that does not exist, when read, then the error names the file and the command to run', () => {
    expect(() => TerraformOutputs.fromFile('missing/outputs.json', { terraformDir: 'cdktf.out/stacks/aws-foundation' }))
      .toThrow('missing/outputs.json: Terraform outputs file not found. After `terraform -chdir=cdktf.out/stacks/aws-foundation apply`, '
        + 'run `terraform -chdir=cdktf.out/stacks/aws-foundation output -json > missing/outputs.json`.');
  });

  test('given a missing output, when read, then the error names the file, the output, the outputs present and the command', () => {
    const file = writeTmp(JSON.stringify({ other: { sensitive: false, type: 'string', value: 'x' } }));
    expect(() => TerraformOutputs.fromFile(file, { terraformDir: 'stacks/net' }).string('prod_seoul_vpc_id'))
      .toThrow(new RegExp(`${file}: output 'prod_seoul_vpc_id' is missing \\(outputs present: other\\)\\. .*terraform -chdir=stacks/net output -json > ${file}`));
  });

  test('given text that is not JSON, when parsed, then the error says to use -json', () => {
    expect(() => TerraformOutputs.fromJson('vpc_id = "vpc-1"', 'out.txt')).toThrow(/out\.txt: is not valid JSON .* output -json > out\.txt` \(the -json flag matters\)/);
  });

  test('given JSON without value fields, when parsed, then the error says it is not terraform output -json', () => {
    expect(() => TerraformOutputs.fromJson('{"vpc_id": "vpc-1"}', 'o.json')).toThrow(/o\.json: output 'vpc_id' has no "value" field/);
    expect(() => TerraformOutputs.fromJson('[1]', 'o.json')).toThrow(/o\.json: is not a JSON object of outputs/);
  });

  test('given an output of the wrong type, when read as a string, then the error says what it is', () => {
    const outputs = TerraformOutputs.fromJson(JSON.stringify(SAMPLE), 'o.json');
    expect(() => outputs.string('names')).toThrow("o.json: output 'names' is a list, expected a string.");
    expect(() => outputs.stringMap('names')).toThrow("o.json: output 'names' is a list, expected a map of strings.");
    expect(() => outputs.stringList('prod_seoul_vpc_id')).toThrow('o.json: output \'prod_seoul_vpc_id\' is a string ("vpc-0123"), expected a list of strings.');
  });
});

describe('NetworkOutputs', () => {
  test('given a cluster name, when computing output names, then they are identifier-safe and prefixed', () => {
    expect(NetworkOutputNames.prefixFor('prod-seoul')).toEqual('prod_seoul_');
    expect(NetworkOutputNames.of('prod_seoul_').privateSubnetIds).toEqual('prod_seoul_private_subnet_ids');
  });

  test('given the outputs of a CapaNetwork, when read, then vpc and subnet ids are typed by AZ', () => {
    const network = NetworkOutputs.fromTerraformOutputJson(writeTmp(JSON.stringify(SAMPLE)), { clusterName: 'prod-seoul' });
    expect(network.vpcId).toEqual('vpc-0123');
    expect(network.availabilityZones).toEqual(['ap-northeast-2a', 'ap-northeast-2b']);
    expect(network.privateSubnetId('ap-northeast-2b')).toEqual('subnet-priv-b');
    expect(network.publicSubnetId('ap-northeast-2a')).toEqual('subnet-pub-a');
  });

  test('given an AZ without a subnet, when asked for it, then the error lists the AZs present', () => {
    const network = NetworkOutputs.fromOutputs(TerraformOutputs.fromJson(JSON.stringify(SAMPLE), 'o.json'), { clusterName: 'prod-seoul' });
    expect(() => network.privateSubnetId('ap-northeast-2c'))
      .toThrow("o.json: the network of cluster 'prod-seoul' has no private subnet in AZ 'ap-northeast-2c' (AZs: ap-northeast-2a, ap-northeast-2b).");
  });

  test('given outputs of another cluster, when read, then the error names the missing output', () => {
    expect(() => NetworkOutputs.fromOutputs(TerraformOutputs.fromJson(JSON.stringify(SAMPLE), 'o.json'), { clusterName: 'dev' }))
      .toThrow(/o\.json: output 'dev_vpc_id' is missing/);
  });
});
