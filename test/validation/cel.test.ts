import { checkRule, evaluate, parseCel } from '../../src/validation/private/cel';
import { CrdIndex } from '../../src/validation/private/crd-index';
import { CRD_DIR } from '../support/crd-validation';

function collectRules(node: any, out: Map<string, any>): void {
  if (Array.isArray(node)) {
    node.forEach(n => collectRules(n, out));
  } else if (node && typeof node === 'object') {
    const rules = node['x-kubernetes-validations'];
    if (Array.isArray(rules)) for (const r of rules) if (r && typeof r.rule === 'string') out.set(r.rule, r);
    Object.values(node).forEach(v => collectRules(v, out));
  }
}

function run(rule: string, self: any): any {
  return evaluate(parseCel(rule), new Map([['self', self]]));
}

describe('CEL interpreter on the pinned CRD rules', () => {
  const rules = new Map<string, any>();
  for (const v of CrdIndex.load(CRD_DIR).all()) collectRules(v.schema, rules);

  test('given the pinned CRDs, when their rules are collected, then there are rules to check', () => {
    expect(rules.size).toBeGreaterThanOrEqual(20);
  });

  test.each([...rules.keys()])('given rule %s, when parsed, then it parses', (rule) => {
    expect(() => parseCel(rule)).not.toThrow();
  });

  test('given extraArgs with unique names, when the uniqueness rule runs, then it holds', () => {
    expect(run('self.all(x, self.exists_one(y, x.name == y.name))', [{ name: 'a', value: '1' }, { name: 'b', value: '2' }])).toBe(true);
  });

  test('given extraArgs with a duplicate name, when the uniqueness rule runs, then it fails', () => {
    expect(run('self.all(x, self.exists_one(y, x.name == y.name))', [{ name: 'a', value: '1' }, { name: 'a', value: '2' }])).toBe(false);
  });

  test('given unique and duplicate scalars, when the machines uniqueness rule runs, then it distinguishes them', () => {
    expect(run('self.all(x, self.exists_one(y, x == y))', [{ selector: { a: 'b' } }, { selector: {} }])).toBe(true);
    expect(run('self.all(x, self.exists_one(y, x == y))', [{ selector: {} }, { selector: {} }])).toBe(false);
  });

  test('given a partition, when the layout/diskLayout rule runs, then exactly one must be set', () => {
    const rule = '[has(self.layout),has(self.diskLayout)].filter(x,x==true).size() == 1';
    expect(run(rule, { device: 'd', layout: true })).toBe(true);
    expect(run(rule, { device: 'd' })).toBe(false);
    expect(run(rule, { device: 'd', layout: true, diskLayout: [] })).toBe(false);
  });

  test('given partition types, when the GPT matches rule runs, then names and GUIDs pass and others fail', () => {
    const rule = "self.matches('^(Linux|LinuxSwap|LinuxRAID|LVM|Fat32|NTFS|LinuxExtended|[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12})$')";
    expect(run(rule, 'LinuxSwap')).toBe(true);
    expect(run(rule, '0FC63DAF-8483-4772-8E79-3D69D8477DE4')).toBe(true);
    expect(run(rule, 'ext4')).toBe(false);
  });

  test('given condition types, when the negated in rule runs, then reserved types fail', () => {
    const rule = "!(self in ['Ready','Available','HealthCheckSucceeded','OwnerRemediated','ExternallyRemediated'])";
    expect(run(rule, 'DiskPressure')).toBe(true);
    expect(run(rule, 'Ready')).toBe(false);
  });

  test('given the AWS capacity reservation rules, when evaluated, then spot and a reservation exclude each other', () => {
    expect(run('!has(self.capacityReservationId) || !has(self.spotMarketOptions)', { capacityReservationId: 'cr-1', spotMarketOptions: {} })).toBe(false);
    expect(run('!has(self.capacityReservationId) || !has(self.spotMarketOptions)', { capacityReservationId: 'cr-1' })).toBe(true);
    const market = "!has(self.capacityReservationId) || !has(self.marketType) || self.marketType != 'Spot'";
    expect(run(market, { capacityReservationId: 'cr-1', marketType: 'Spot' })).toBe(false);
    expect(run(market, { capacityReservationId: 'cr-1', marketType: 'CapacityBlock' })).toBe(true);
  });

  test('given the OpenStack ternary rules, when evaluated, then the ternary binds loosest', () => {
    const rule = "!has(self.from) || self.from == 'Name' ? has(self.name) : !has(self.name)";
    expect(run(rule, { name: 'az' })).toBe(true);
    expect(run(rule, {})).toBe(false);
    expect(run(rule, { from: 'Machine' })).toBe(true);
    expect(run(rule, { from: 'Machine', name: 'az' })).toBe(false);
    const ext = 'has(self.disableExternalNetwork) && self.disableExternalNetwork ? !has(self.bastion) || !has(self.bastion.floatingIP) : true';
    expect(run(ext, { disableExternalNetwork: true, bastion: { floatingIP: '1.2.3.4' } })).toBe(false);
    expect(run(ext, { disableExternalNetwork: true, bastion: {} })).toBe(true);
    expect(run(ext, { disableExternalNetwork: false, bastion: { floatingIP: '1.2.3.4' } })).toBe(true);
  });

  test('given startsWith and in rules, when evaluated, then both outcomes are produced', () => {
    expect(run("self.startsWith('cagw-')", 'cagw-123')).toBe(true);
    expect(run("self.startsWith('cagw-')", 'igw-123')).toBe(false);
    expect(run("self in ['none','amazon-pool']", 'none')).toBe(true);
    expect(run("self in ['none','amazon-pool']", 'other')).toBe(false);
  });

  test('given flux rules, when evaluated, then exclusive fields are enforced', () => {
    const rule = '(has(self.chart) && !has(self.chartRef)) || (!has(self.chart) && has(self.chartRef))';
    expect(run(rule, { chart: {} })).toBe(true);
    expect(run(rule, { chart: {}, chartRef: {} })).toBe(false);
    expect(run(rule, {})).toBe(false);
    const sa = "!has(self.serviceAccountName) || (has(self.provider) && (self.provider == 'azure' || self.provider == 'aws'))";
    expect(run(sa, { serviceAccountName: 'x', provider: 'aws' })).toBe(true);
    expect(run(sa, { serviceAccountName: 'x', provider: 'gcp' })).toBe(false);
  });

  test('given a transition rule without optionalOldSelf, when checked on create, then it is skipped', () => {
    expect(checkRule({ rule: 'self.region == oldSelf.region' }, { region: 'a' }).outcome).toBe('skipped');
  });

  test('given a transition rule with optionalOldSelf, when checked on create, then oldSelf is an empty optional', () => {
    expect(checkRule({ rule: '!oldSelf.hasValue() || self == oldSelf.value()', optionalOldSelf: true }, 'a').outcome).toBe(true);
  });
});

describe('CEL interpreter language coverage', () => {
  test.each([
    ['1 + 2 * 3 == 7', true],
    ['7 / 2 == 3 && 7 % 2 == 1', true],
    ['-3 < 2 && 2.5 >= 2.5', true],
    ["'ab' + 'c' == 'abc'", true],
    ['[1, 2] + [3] == [1, 2, 3]', true],
    ["{'a': 1}['a'] == 1", true],
    ["'a' in {'a': 1}", true],
    ['[1, 2, 3].map(x, x * 2) == [2, 4, 6]', true],
    ['[1, 2, 3].map(x, x > 1, x * 10) == [20, 30]', true],
    ['[1, 2, 3].exists(x, x == 2)', true],
    ['[1, 2, 3].all(x, x > 0)', true],
    ['[1, 2, 2].exists_one(x, x == 2)', false],
    ["size('héllo') == 5 && 'héllo'.size() == 5", true],
    ["int('42') == 42 && string(42) == '42' && double('1.5') == 1.5", true],
    ["'Hello'.lowerAscii() == 'hello' && 'a,b'.split(',') == ['a', 'b']", true],
    ["'abc'.contains('b') && 'abc'.endsWith('c') && matches('abc', '^a')", true],
    ['true ? 1 : 2', 1],
    ["'a\\'b' == \"a'b\"", true],
    ['r"\\d" == "\\\\d"', true],
  ])('given %s, when evaluated, then it is %p', (expr, expected) => {
    expect(run(expr, null)).toEqual(expected);
  });

  test('given an unknown function, when checked, then an unsupported CEL error is reported, not a pass', () => {
    const result = checkRule({ rule: "self.url().getHost() == 'x'" }, 'https://x');
    expect(result.outcome).toBe(false);
    expect(result.error).toMatch(/^unsupported CEL: function url\(\)/);
  });

  test('given a missing field, when selected without has(), then it is an evaluation error', () => {
    expect(checkRule({ rule: 'self.enabled' }, {}).error).toMatch(/no such key: enabled/);
  });

  test('given an error on one side of ||, when the other side is true, then the result is true', () => {
    expect(run('self.missing || true', {})).toBe(true);
  });

  test('given a syntax error, when checked, then it is reported as unparsable CEL', () => {
    expect(checkRule({ rule: 'self.a ==' }, {}).error).toMatch(/unsupported CEL: cannot parse/);
  });
});
