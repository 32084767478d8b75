import { describe, expect, it } from 'vitest';
import {
  GAP_STATUS_LABELS,
  GAP_STATUS_VALUES,
  LEVEL1_LABELS,
  LEVEL2_LABELS,
  LEVEL2_OF,
  LEVEL2_PARENT,
  LEVEL2_VALUES,
  Level2,
} from './index.js';

describe('the shared vocabulary', () => {
  it('names every 二级指标 as the official forms do, each ending in 指标', () => {
    expect(Object.values(LEVEL2_LABELS).every((label) => label.endsWith('指标'))).toBe(true);
    expect(LEVEL2_LABELS.SOCIAL).toBe('社会效益指标');
    expect(LEVEL2_LABELS.SERVICE_SATISFACTION).toBe('服务对象满意度指标');
  });

  it('never uses one label for two values (一级 成本指标 vs 二级 产出成本指标)', () => {
    const labels = [...Object.values(LEVEL1_LABELS), ...Object.values(LEVEL2_LABELS)];
    expect(new Set(labels).size).toBe(labels.length);
    expect(LEVEL1_LABELS.COST).toBe('成本指标');
    expect(LEVEL2_LABELS.OUTPUT_COST).toBe('产出成本指标');
    expect(LEVEL2_PARENT.OUTPUT_COST).toBe('OUTPUT');
    expect(LEVEL2_PARENT.ECONOMIC_COST).toBe('COST');
  });

  it('lists each 二级 under its parent, once', () => {
    const listed = Object.entries(LEVEL2_OF).flatMap(([level1, children]) => children.map((child) => [child, level1]));
    expect(Object.fromEntries(listed)).toEqual(LEVEL2_PARENT);
    expect(LEVEL2_VALUES.filter((value) => value !== 'UNKNOWN')).toHaveLength(listed.length);
    expect(Level2.OUTPUT_COST).toBe('OUTPUT_COST');
  });

  it('says how far an indicator got in one word set: 达成 / 部分达成 / 未达成, 待填报 before an actual', () => {
    expect(GAP_STATUS_LABELS).toMatchObject({ MET: '达成', PARTIAL: '部分达成', NOT_MET: '未达成', PENDING: '待填报' });
    expect(Object.keys(GAP_STATUS_LABELS)).toEqual([...GAP_STATUS_VALUES]);
  });
});
