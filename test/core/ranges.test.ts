import { Duration } from 'cdk8s';
import { ValidationError } from '../../src';
import { checkInteger, checkSeconds, EBS_PERFORMANCE, GO_DURATION_MAX_SECONDS, INT32_MAX, RANGES } from '../../src/core/ranges';

describe('ranges: every kind of target field has one range', () => {
  const table: Array<[keyof typeof RANGES, number, number]> = [
    ['replicas', 0, INT32_MAX],
    ['autoscalerMinSize', 0, INT32_MAX],
    ['autoscalerMaxSize', 1, INT32_MAX],
    ['count', 0, INT32_MAX],
    ['seconds', 0, INT32_MAX],
    ['goDurationSeconds', 0, GO_DURATION_MAX_SECONDS],
    ['port', 1, 65535],
    ['percent', 0, 100],
    ['ebsVolumeGiB', 8, 65536],
    ['days', 1, INT32_MAX],
  ];
  test.each(table)('given the %s range, when the bounds are checked, then min and max pass and one past either fails with field, value and range', (kind, min, max) => {
    const range = RANGES[kind];
    expect(range).toMatchObject({ min, max });
    expect(checkInteger('s', 'f', min, range)).toBe(min);
    expect(checkInteger('s', 'f', max, range)).toBe(max);
    for (const bad of [min - 1, max + 1, min + 0.5, NaN, Infinity]) {
      expect(() => checkInteger('s', 'f', bad, range)).toThrow(ValidationError);
      expect(() => checkInteger('s', 'f', bad, range)).toThrow(new RegExp(`^s: f \\(${String(bad).replace('.', '\\.')}\\) must be a whole number from ${min} to ${max}`));
    }
  });

  test('given a fix, when the value is out of range, then the fix ends the message', () => {
    expect(() => checkInteger('s', 'f', -1, RANGES.count, 'Use 0 to disable.')).toThrow(/^s: f \(-1\) must be a whole number from 0 to 2147483647 \(the field is an int32\)\. Use 0 to disable\.$/);
  });

  test('given durations, when converted to seconds, then fractions, infinities and values past the range fail', () => {
    expect(checkSeconds('s', 'd', Duration.seconds(INT32_MAX))).toBe(INT32_MAX);
    expect(checkSeconds('s', 'd', undefined)).toBeUndefined();
    expect(() => checkSeconds('s', 'd', Duration.seconds(INT32_MAX + 1))).toThrow(/^s: d \(2147483648s\) must be from 0 to 2147483647 seconds \(the field holds int32 seconds\)\.$/);
    expect(() => checkSeconds('s', 'd', Duration.millis(1500))).toThrow(/^s: d \(1\.5s\) is not a whole number of seconds\. Use e\.g\. Duration\.seconds\(2\)\.$/);
    expect(checkSeconds('s', 'd', Duration.seconds(GO_DURATION_MAX_SECONDS), RANGES.goDurationSeconds)).toBe(GO_DURATION_MAX_SECONDS);
    expect(() => checkSeconds('s', 'd', Duration.seconds(GO_DURATION_MAX_SECONDS + 1), RANGES.goDurationSeconds)).toThrow(/must be from 0 to 9223372036 seconds/);
  });

  test('given the EBS performance table, when read, then gp3, io1 and io2 have their AWS bounds and other types none', () => {
    expect(EBS_PERFORMANCE.gp3).toMatchObject({ iops: { min: 3000, max: 80000 }, throughput: { min: 125, max: 2000 } });
    expect(EBS_PERFORMANCE.io1).toMatchObject({ iops: { min: 100, max: 64000 } });
    expect(EBS_PERFORMANCE.io2).toMatchObject({ iops: { min: 100, max: 256000 } });
    expect(EBS_PERFORMANCE.gp2).toBeUndefined();
  });
});
