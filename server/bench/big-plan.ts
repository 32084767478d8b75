// The synthetic plan documents of the benchmarks (pnpm bench, bench/import-audit-bench.ts).

export const TARGETS = ['不少于12次', '≥90%', '6万元以下', '良好', '合规', '/', '按预算经费实施。', '90%-95%', '400余场', '开展宣讲10次以上，开展督查一次'];
export const ACTUALS = ['10次', '92%', '5.5万元', '优', '合规', '/', '已完成', '93%', '410场', '完成'];

/** A synthetic plan in the import format: `items` 专项 × `children` 子项 × `perChild` indicators. */
export function bigPlan(items: number, children: number, perChild: number) {
  const indicator = (index: number) => ({
    level1: index % 3 === 0 ? '产出指标' : index % 3 === 1 ? '效益指标' : '满意度指标',
    level2: index % 3 === 0 ? '数量指标' : index % 3 === 1 ? '社会效益' : '服务对象满意度',
    name: `指标 ${index}`,
    target: TARGETS[index % TARGETS.length],
    actual: ACTUALS[index % ACTUALS.length],
    weight: 5,
    score: null,
    deduction: null,
    remark: null,
    evidence: '佐证材料'.repeat(20),
  });
  let counter = 0;
  const stages = (amount: string) => ({ initial: amount, adjustment: null, fullYear: amount, actual: amount, carryover: null, executionRate: null });
  return {
    source: 'bench',
    kind: 'self_evaluation',
    year: 2025,
    department: { name: '基准测试部门', shortName: null, region: '湖南省', functions: [], internalUnits: null, subUnits: null, staff: null },
    budget: { total: stages(String(items * children * 10 + 100)), basic: stages('100'), personnel: null, publicUse: null, project: stages(String(items * children * 10)), income: null, basicDetail: null, threePublic: null, fixedAssets: null },
    overallGoals: [],
    keyTasks: [],
    indicators: Array.from({ length: 20 }, () => indicator(counter++)),
    lineItems: Array.from({ length: items }, (_, i) => ({
      name: `专项 ${i}`,
      kind: 'initial',
      amounts: stages(String(children * 10)),
      period: null,
      periodGoal: null,
      annualGoal: null,
      use: null,
      indicators: [],
      children: Array.from({ length: children }, (_, j) => ({
        name: `子项 ${i}.${j}`,
        kind: 'initial',
        amounts: stages('10'),
        period: null,
        periodGoal: null,
        annualGoal: null,
        use: null,
        indicators: Array.from({ length: perChild }, () => indicator(counter++)),
        children: [],
      })),
    })),
    evaluation: null,
    achievements: [],
  };
}
