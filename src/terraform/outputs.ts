/**
 * The second phase of the two-phase flow: values that exist only after `terraform apply` (VPC and
 * subnet ids, role ARNs) read back from `terraform output -json` into typed values for the
 * manifest side.
 *
 * This file must not import cdktf (directly or through another module): manifests use it without
 * loading cdktf or the AWS provider bindings.
 */
import * as fs from 'fs';
import { ValidationError } from '../core/validation-error';

/** One entry of `terraform output -json`: `{ "sensitive": false, "type": "string", "value": "vpc-1" }`. */
export interface TerraformOutputEntry {
  /** Whether Terraform marks the output sensitive. */
  readonly sensitive: boolean;
  /** Terraform's type of the value (`"string"`, `["map","string"]`, `["object",{…}]`, …). */
  readonly type: any;
  /** The value. */
  readonly value: any;
}

/** Options of `TerraformOutputs.fromFile`. */
export interface TerraformOutputsOptions {
  /**
   * The Terraform working directory the outputs come from, used in error messages to say which
   * command to run (e.g. `cdktf.out/stacks/aws-foundation`).
   * @default '<stack dir>'
   */
  readonly terraformDir?: string;
}

/**
 * The parsed output of `terraform output -json` (a JSON object of name → `{ sensitive, type, value }`).
 *
 * Errors say which file, which output and which command produces it:
 * `terraform -chdir=<dir> output -json > <file>`.
 */
export class TerraformOutputs {
  /**
   * Reads a file written by `terraform -chdir=<dir> output -json > <file>`.
   * @param file path of the file
   * @param options where the Terraform working directory is (for error messages)
   */
  public static fromFile(file: string, options: TerraformOutputsOptions = {}): TerraformOutputs {
    const dir = options.terraformDir ?? '<stack dir>';
    if (!fs.existsSync(file)) {
      throw new ValidationError(file, `Terraform outputs file not found. After \`terraform -chdir=${dir} apply\`, run \`terraform -chdir=${dir} output -json > ${file}\`.`);
    }
    return TerraformOutputs.fromJson(fs.readFileSync(file, 'utf8'), file, options);
  }

  /**
   * Parses the text of `terraform output -json`.
   * @param json the JSON text
   * @param source where it came from (a file path), for error messages
   * @param options where the Terraform working directory is (for error messages)
   */
  public static fromJson(json: string, source: string = '<terraform output -json>', options: TerraformOutputsOptions = {}): TerraformOutputs {
    const dir = options.terraformDir ?? '<stack dir>';
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (e) {
      throw new ValidationError(source, `is not valid JSON (${(e as Error).message}). Write it with \`terraform -chdir=${dir} output -json > ${source}\` (the -json flag matters).`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new ValidationError(source, `is not a JSON object of outputs. Write it with \`terraform -chdir=${dir} output -json > ${source}\`.`);
    }
    const entries: Record<string, TerraformOutputEntry> = {};
    for (const [name, entry] of Object.entries(parsed as Record<string, any>)) {
      if (entry === null || typeof entry !== 'object' || !('value' in entry)) {
        throw new ValidationError(source, `output '${name}' has no "value" field; this is not the format of \`terraform output -json\`. Write it with \`terraform -chdir=${dir} output -json > ${source}\`.`);
      }
      entries[name] = { sensitive: Boolean(entry.sensitive), type: entry.type, value: entry.value };
    }
    return new TerraformOutputs(entries, source, dir);
  }

  /** Where the outputs came from. */
  public readonly source: string;
  /** The Terraform working directory named in error messages. */
  public readonly terraformDir: string;
  private readonly entries: Record<string, TerraformOutputEntry>;

  private constructor(entries: Record<string, TerraformOutputEntry>, source: string, terraformDir: string) {
    this.entries = entries;
    this.source = source;
    this.terraformDir = terraformDir;
  }

  /** Output names, sorted. */
  public get names(): string[] {
    return Object.keys(this.entries).sort();
  }

  /** Whether an output exists. */
  public has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.entries, name);
  }

  /** The whole entry of an output; throws naming the file, the output and the command when it is missing. */
  public entry(name: string): TerraformOutputEntry {
    if (!this.has(name)) {
      const known = this.names.length > 0 ? this.names.join(', ') : 'none';
      throw new ValidationError(this.source, `output '${name}' is missing (outputs present: ${known}). `
        + `Run \`terraform -chdir=${this.terraformDir} apply\` with the stack that defines it, then \`terraform -chdir=${this.terraformDir} output -json > ${this.source}\`.`);
    }
    return this.entries[name];
  }

  /** A string output. */
  public string(name: string): string {
    const value = this.entry(name).value;
    if (typeof value !== 'string') {
      throw new ValidationError(this.source, `output '${name}' is ${describe(value)}, expected a string. Check the output's definition in the stack.`);
    }
    return value;
  }

  /** A list-of-strings output. */
  public stringList(name: string): string[] {
    const value = this.entry(name).value;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      throw new ValidationError(this.source, `output '${name}' is ${describe(value)}, expected a list of strings. Check the output's definition in the stack.`);
    }
    return [...value];
  }

  /** A map-of-strings (or object of strings) output. */
  public stringMap(name: string): { [key: string]: string } {
    const value = this.entry(name).value;
    if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
      throw new ValidationError(this.source, `output '${name}' is ${describe(value)}, expected a map of strings. Check the output's definition in the stack.`);
    }
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, (value as Record<string, string>)[k]]));
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value} (${JSON.stringify(value)})`;
}

/**
 * Names of the Terraform outputs `CapaNetwork` writes, shared by the writer (cdktf) and the reader
 * (`NetworkOutputs`) so they cannot drift apart.
 */
export class NetworkOutputNames {
  /**
   * The output name prefix for a cluster: its name with `-` and `.` turned into `_`, then `_`
   * (`prod-seoul` → `prod_seoul_`).
   * @param clusterName the cluster the network is for
   */
  public static prefixFor(clusterName: string): string {
    return `${clusterName.replace(/[^A-Za-z0-9_]/g, '_')}_`;
  }

  /**
   * Names for a prefix.
   * @param prefix the output name prefix (see `prefixFor`)
   */
  public static of(prefix: string): NetworkOutputNames {
    return new NetworkOutputNames(prefix);
  }

  /** Output holding the VPC id (a string). */
  public readonly vpcId: string;
  /** Output holding the public subnet ids, a map of AZ name → subnet id. */
  public readonly publicSubnetIds: string;
  /** Output holding the private subnet ids, a map of AZ name → subnet id. */
  public readonly privateSubnetIds: string;

  private constructor(prefix: string) {
    this.vpcId = `${prefix}vpc_id`;
    this.publicSubnetIds = `${prefix}public_subnet_ids`;
    this.privateSubnetIds = `${prefix}private_subnet_ids`;
  }
}

/** Options of `NetworkOutputs.fromTerraformOutputJson`. */
export interface NetworkOutputsOptions extends TerraformOutputsOptions {
  /** The cluster name given to `CapaNetwork` (selects the outputs `<cluster>_vpc_id`, …). */
  readonly clusterName: string;
  /**
   * The output name prefix, when `CapaNetwork` was given `outputPrefix`.
   * @default - NetworkOutputNames.prefixFor(clusterName)
   */
  readonly outputPrefix?: string;
}

/**
 * The ids of a `CapaNetwork` after `terraform apply`, for AWSCluster `spec.network.vpc.id` and
 * `spec.network.subnets[].id` (bring-your-own VPC).
 */
export class NetworkOutputs {
  /**
   * Reads the outputs of a `CapaNetwork` from a `terraform output -json` file.
   * @param file the file written by `terraform -chdir=<dir> output -json > <file>`
   * @param options which cluster's network, and the Terraform directory for error messages
   */
  public static fromTerraformOutputJson(file: string, options: NetworkOutputsOptions): NetworkOutputs {
    return NetworkOutputs.fromOutputs(TerraformOutputs.fromFile(file, options), options);
  }

  /**
   * Reads the outputs of a `CapaNetwork` from already parsed outputs.
   * @param outputs the parsed outputs
   * @param options which cluster's network
   */
  public static fromOutputs(outputs: TerraformOutputs, options: NetworkOutputsOptions): NetworkOutputs {
    const names = NetworkOutputNames.of(options.outputPrefix ?? NetworkOutputNames.prefixFor(options.clusterName));
    return new NetworkOutputs(
      options.clusterName,
      outputs.string(names.vpcId),
      outputs.stringMap(names.publicSubnetIds),
      outputs.stringMap(names.privateSubnetIds),
      outputs.source,
    );
  }

  /** The cluster the network is for. */
  public readonly clusterName: string;
  /** The VPC id, e.g. `vpc-0abc…`. */
  public readonly vpcId: string;
  /** Public subnet ids by AZ name. */
  public readonly publicSubnetIds: { [az: string]: string };
  /** Private subnet ids by AZ name. */
  public readonly privateSubnetIds: { [az: string]: string };
  private readonly source: string;

  private constructor(
    clusterName: string,
    vpcId: string,
    publicSubnetIds: { [az: string]: string },
    privateSubnetIds: { [az: string]: string },
    source: string,
  ) {
    this.clusterName = clusterName;
    this.vpcId = vpcId;
    this.publicSubnetIds = publicSubnetIds;
    this.privateSubnetIds = privateSubnetIds;
    this.source = source;
  }

  /** AZ names that have a private subnet, sorted. */
  public get availabilityZones(): string[] {
    return Object.keys(this.privateSubnetIds).sort();
  }

  /** The private subnet id of an AZ; throws when the network has no subnet there. */
  public privateSubnetId(az: string): string {
    return this.subnetIn(this.privateSubnetIds, 'private', az);
  }

  /** The public subnet id of an AZ; throws when the network has no subnet there. */
  public publicSubnetId(az: string): string {
    return this.subnetIn(this.publicSubnetIds, 'public', az);
  }

  private subnetIn(ids: { [az: string]: string }, kind: string, az: string): string {
    const id = ids[az];
    if (id === undefined) {
      const azs = Object.keys(ids).sort().join(', ') || 'none';
      throw new ValidationError(this.source, `the network of cluster '${this.clusterName}' has no ${kind} subnet in AZ '${az}' (AZs: ${azs}). `
        + 'Add the AZ to CapaNetwork availabilityZones and apply, or use one of the listed AZs.');
    }
    return id;
  }
}
