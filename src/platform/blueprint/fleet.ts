import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { parse as parseYaml } from 'yaml';
import { Blueprint } from './blueprint';
import { ClusterOverrides } from './overrides';
import { checkLayer } from './private/merge';
import { buildCluster, CLUSTER_PROVENANCE, RequestError } from './private/resolve';
import { Site } from './site';
import { ManagedCluster } from '../../cluster/managed-cluster';
import { OutputModeKind } from '../../clusterclass/output-mode';
import { classOutputProblem } from '../../clusterclass/private/providers';
import { registerClassMember } from '../../clusterclass/private/registry';
import { checkNotSynthesized } from '../../core/lifecycle';
import { isDnsLabel } from '../../core/names';
import { ValidationError } from '../../core/validation-error';
import { PLATFORM_BRAND } from '../../output/private/synth-checks';
import { ByohControlPlaneEndpoint } from '../../providers/byoh/byoh-infrastructure';

/** A cluster of the fleet, in code. */
export interface FleetClusterOptions {
  /** The company standard the cluster follows. */
  readonly blueprint: Blueprint;
  /** Where it runs. */
  readonly site: Site;
  /**
   * What differs for this cluster (same fields as a blueprint, all optional).
   * @default - nothing
   */
  readonly overrides?: ClusterOverrides;
  /**
   * Control-plane endpoint (BYOH sites only, where the cluster's VIP or load balancer is a fact of
   * the cluster).
   * @default - none (required on BYOH sites)
   */
  readonly controlPlaneEndpoint?: ByohControlPlaneEndpoint;
}

/** A row of a fleet table (`Fleet.addRows`, `Fleet.addFromFile`): names instead of objects. */
export interface FleetRow {
  /** Cluster name. */
  readonly name: string;
  /** Name of the site (`Site.siteName`). */
  readonly site: string;
  /** Name of the blueprint (`Blueprint.blueprintName`). */
  readonly blueprint: string;
  /**
   * What differs for this cluster: data only (value objects such as `Capacity.spot()` belong in code).
   * @default - nothing
   */
  readonly overrides?: ClusterOverrides;
  /**
   * Control-plane endpoint (BYOH sites only).
   * @default - none
   */
  readonly controlPlaneEndpoint?: ByohControlPlaneEndpoint;
}

const ROW_FIELDS = ['name', 'site', 'blueprint', 'overrides', 'controlPlaneEndpoint'];

/**
 * The workload clusters of a platform, each instantiated from a blueprint, a site and its own
 * overrides — in code (`addCluster`) or from a reviewed table (`addRows`, `addFromFile`).
 *
 * ```ts
 * const fleet = new Fleet(platform, 'fleet');
 * fleet.addCluster('prod-seoul', { blueprint: standard, site: seoul, overrides: { controlPlane: { machineType: 'm6i.2xlarge' } } });
 * fleet.addFromFile('fleet.yaml');   // rows of { name, site, blueprint, overrides }
 * ```
 *
 * Every error names the cluster (or table row), the field, the layer that set the value and the fix.
 */
export class Fleet extends Construct {
  private readonly _clusters: ManagedCluster[] = [];
  private readonly identities = new Map<string, string>();

  constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /** The clusters of the fleet, in the order they were added. */
  public get clusters(): ManagedCluster[] {
    return [...this._clusters];
  }

  /** Adds a cluster from a blueprint, a site and overrides. */
  public addCluster(name: string, options: FleetClusterOptions): ManagedCluster {
    if (!Blueprint.isBlueprint(options?.blueprint)) throw new ValidationError(this, `cluster '${name}': blueprint must be a Blueprint.`);
    if (!Site.isSite(options.site)) throw new ValidationError(this, `cluster '${name}': site must be a Site.`);
    const errors = checkLayer(options.overrides, false);
    if (errors.length > 0) throw new ValidationError(this, `cluster '${name}' overrides: ${errors.join(' ')}`);
    return this.build(name, options, `cluster '${name}'`, `cluster '${name}'`);
  }

  /**
   * Adds clusters from table rows. Errors name the row (`<source> row <n>`, counting from 1).
   * @param rows the rows
   * @param source what the rows come from, for messages (e.g. a file name)
   */
  public addRows(rows: FleetRow[], source: string = 'fleet table'): ManagedCluster[] {
    if (!Array.isArray(rows)) throw new ValidationError(this, `${source}: expected a list of rows ({ name, site, blueprint, overrides }).`);
    const sites = this.byName(Site.isSite, (s) => s.siteName, 'site');
    const blueprints = this.byName(Blueprint.isBlueprint, (b) => b.blueprintName, 'blueprint');
    return rows.map((row, i) => {
      const where = `${source} row ${i + 1}${row && typeof row.name === 'string' ? ` (${row.name})` : ''}`;
      if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new ValidationError(this, `${where}: a row must be an object with name, site and blueprint.`);
      const unknown = Object.keys(row).find((k) => !ROW_FIELDS.includes(k));
      if (unknown) throw new ValidationError(this, `${where}: '${unknown}' is not a row field. Use ${ROW_FIELDS.join(', ')}.`);
      for (const field of ['name', 'site', 'blueprint'] as const) {
        if (typeof row[field] !== 'string' || row[field] === '') throw new ValidationError(this, `${where}: ${field} is missing. Give the ${field === 'name' ? 'cluster name' : `name of a ${field}`}.`);
      }
      const site = sites.get(row.site);
      if (!site) throw new ValidationError(this, `${where}: site '${row.site}' is not defined. Sites: ${[...sites.keys()].sort().join(', ') || 'none'}.`);
      const blueprint = blueprints.get(row.blueprint);
      if (!blueprint) throw new ValidationError(this, `${where}: blueprint '${row.blueprint}' is not defined. Blueprints: ${[...blueprints.keys()].sort().join(', ') || 'none'}.`);
      const errors = checkLayer(row.overrides, true);
      if (errors.length > 0) throw new ValidationError(this, `${where}: overrides.${errors[0]}`);
      return this.build(row.name, { blueprint, site, overrides: row.overrides, controlPlaneEndpoint: row.controlPlaneEndpoint }, where, `${where}`);
    });
  }

  /**
   * Adds clusters from a YAML or JSON file: a list of rows, or an object with a `clusters` list.
   * A relative path is resolved from the working directory.
   */
  public addFromFile(file: string): ManagedCluster[] {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new ValidationError(this, `cannot read fleet file '${file}': ${(e as Error).message}. Give the path of a YAML or JSON file of rows.`);
    }
    let data: any;
    try {
      data = parseYaml(text, { maxAliasCount: 100 });
    } catch (e) {
      throw new ValidationError(this, `fleet file '${file}' is not valid YAML/JSON: ${(e as Error).message.split('\n')[0]}`);
    }
    const rows = Array.isArray(data) ? data : data?.clusters;
    if (!Array.isArray(rows)) throw new ValidationError(this, `fleet file '${file}' has no rows. Write a list of { name, site, blueprint, overrides } (or put it under 'clusters:').`);
    return this.addRows(rows, path.basename(file));
  }

  private build(name: string, options: FleetClusterOptions, where: string, label: string): ManagedCluster {
    checkNotSynthesized(this, `adding cluster '${name}'`);
    if (typeof name !== 'string' || !isDnsLabel(name)) {
      throw new ValidationError(this, `${where}: cluster name '${name}' is not a DNS label. Use at most 63 lower-case letters, digits and '-'.`);
    }
    const mgmt = options.site.managementCluster;
    const namespace = options.overrides?.namespace ?? options.site.overrides.namespace ?? this.blueprintNamespace(options.blueprint) ?? 'default';
    const identity = `${mgmt?.clusterName ?? ''}/${namespace}/${name}`;
    const clash = this.identities.get(identity);
    if (clash) {
      throw new ValidationError(this, `${where}: cluster '${name}' in namespace '${namespace}'${mgmt ? ` of management cluster '${mgmt.clusterName}'` : ''} is already defined by ${clash}. Give each cluster a unique name within its namespace.`);
    }
    const id = this.node.tryFindChild(name) ? `${name}.${namespace}.${mgmt?.clusterName ?? ''}` : name;
    const mode = options.site.outputMode ?? options.blueprint.outputMode;
    const classOutput = mode?.kind === OutputModeKind.CLUSTER_CLASS;
    const problem = !classOutput ? undefined
      : !(PLATFORM_BRAND in this.node.root) ? 'only a Platform writes ClusterClasses (this app is a plain cdk8s App, whose synth would write the objects)'
        : classOutputProblem(options.site.infrastructure.provider);
    if (problem) {
      const from = options.site.outputMode ? `site '${options.site.siteName}'` : `blueprint '${options.blueprint.blueprintName}'`;
      const objects = `outputMode: OutputMode.objects() on site '${options.site.siteName}'`;
      const fix = PLATFORM_BRAND in this.node.root ? `Set ${objects}` : `Make the root a Platform (new Platform()), or set ${objects}`;
      throw new ValidationError(this, `${where}: ${from} asks for ClusterClass output, but ${problem}. ${fix}.`);
    }
    try {
      const cluster = buildCluster(this, id, { ...options, name, label });
      if (classOutput) {
        const provenance = CLUSTER_PROVENANCE.get(cluster) ?? new Map<string, string>();
        registerClassMember({ cluster, blueprint: options.blueprint, site: options.site, label, provenance });
      }
      this.identities.set(identity, where);
      this._clusters.push(cluster);
      return cluster;
    } catch (e) {
      // merge errors of the cluster's own layer start with its label already
      if (e instanceof RequestError) throw new ValidationError(`${this.node.path}/${id}`, e.message.startsWith(`${label} `) ? e.message : `${where} ${e.message}`);
      throw e;
    }
  }

  private blueprintNamespace(blueprint: Blueprint): string | undefined {
    for (let b: Blueprint | undefined = blueprint; b; b = b.base) if (b.settings.namespace) return b.settings.namespace;
    return undefined;
  }

  private byName<T extends Construct>(is: (x: unknown) => x is T, name: (t: T) => string, what: string): Map<string, T> {
    const out = new Map<string, T>();
    for (const c of this.node.root.node.findAll()) {
      if (!is(c)) continue;
      const clash = out.get(name(c));
      if (clash && clash !== c) throw new ValidationError(this, `two ${what}s are named '${name(c)}' (${clash.node.path}, ${c.node.path}). Give each ${what} a unique name so that table rows can refer to it.`);
      out.set(name(c), c);
    }
    return out;
  }
}
