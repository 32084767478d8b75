import { describe, expect, it } from 'vitest';
import { canonicalLevels } from './indicator-hierarchy.js';

describe('canonicalLevels', () => {
  it.each([
    // [一级 as written, 二级 as written, level1, level2]
    ['产出指标', '产出数量', 'OUTPUT', 'QUANTITY'],
    ['产出指标', '数量指标', 'OUTPUT', 'QUANTITY'],
    ['产出指标', '产出质量', 'OUTPUT', 'QUALITY'],
    ['产出指标', '产出时效', 'OUTPUT', 'TIMELINESS'],
    ['产出指标', '产出成本', 'OUTPUT', 'OUTPUT_COST'],
    ['产出指标', '成本指标', 'OUTPUT', 'OUTPUT_COST'],
    ['效益指标', '经济效益', 'OUTCOME', 'ECONOMIC'],
    ['效益指标', '经济效益指标', 'OUTCOME', 'ECONOMIC'],
    ['效益指标', '社会效益', 'OUTCOME', 'SOCIAL'],
    ['效益指标', '生态效益', 'OUTCOME', 'ECOLOGICAL'],
    ['效益指标', '可持续影响', 'OUTCOME', 'SUSTAINABILITY'],
    // fixture 002 files satisfaction under 效益指标: the 二级 decides.
    ['效益指标', '社会公众及服务对象满意度', 'SATISFACTION', 'SERVICE_SATISFACTION'],
    ['满意度指标', '社会公众或服务对象满意度', 'SATISFACTION', 'SERVICE_SATISFACTION'],
    ['满意度指标', '服务对象满意度', 'SATISFACTION', 'SERVICE_SATISFACTION'],
    ['成本指标', '经济成本', 'COST', 'ECONOMIC_COST'],
    ['成本指标', '社会成本', 'COST', 'SOCIAL_COST'],
    ['成本指标', '生态环境成本', 'COST', 'ECOLOGICAL_COST'],
    // self-evaluations (fixture 004) leave 二级 empty
    ['产出指标', null, 'OUTPUT', null],
    ['效益指标', null, 'OUTCOME', null],
    ['满意度指标', null, 'SATISFACTION', null],
    ['预算执行率', null, 'BUDGET_EXECUTION', null],
    // the 部门整体 framework (issue 10 item 7): its 二级 are kept as written, not canonicalised or flagged
    ['决策', '项目立项', 'DECISION', null],
    ['决策指标', '绩效目标', 'DECISION', null],
    ['投入', '预算配置', 'INPUT', null],
    ['过程', '预算执行', 'PROCESS', null],
    ['过程指标', '数量指标', 'PROCESS', null],
    ['效果', null, 'OUTCOME', null],
    [' 产出指标 ', '', 'OUTPUT', null],
  ])('%s / %s → %s / %s', (label1, label2, level1, level2) => {
    const read = canonicalLevels(label1, label2);
    expect([read.level1, read.level2, read.unknownLabels]).toEqual([level1, level2, []]);
  });

  it('keeps unknown labels and flags them', () => {
    expect(canonicalLevels('其他指标', '特色指标')).toEqual({
      level1: 'UNKNOWN',
      level2: 'UNKNOWN',
      unknownLabels: ['其他指标', '特色指标'],
    });
    expect(canonicalLevels('产出指标', '创新性')).toEqual({
      level1: 'OUTPUT',
      level2: 'UNKNOWN',
      unknownLabels: ['创新性'],
    });
  });
});
