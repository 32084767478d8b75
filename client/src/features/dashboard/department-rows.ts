import type { DepartmentRow } from '../charts/options';

interface Stats {
  departmentId?: string | null;
  department?: { id: string; name: string; shortName?: string | null } | null;
  planCount: number;
  averageScore?: string | null;
  executionRatePercent?: string | null;
  gradeCounts: { label: string; count: number }[];
}

interface PlanFigures {
  id: string;
  department: { id: string; name: string; shortName?: string | null };
  rollup: { computedTotal?: string | null; gradeLabel?: string | null; executionRatePercent?: string | null };
}

/**
 * One row per department of the year: planStats(groupBy: [DEPARTMENT]) first; a figure it leaves empty
 * (score and grade until the stored figures land) comes from the department's plan roll-up. Without
 * planStats rows, the plans alone.
 */
export function departmentRows(stats: Stats[], plans: PlanFigures[]): DepartmentRow[] {
  const byDepartment = new Map<string, PlanFigures>();
  for (const plan of plans) if (!byDepartment.has(plan.department.id)) byDepartment.set(plan.department.id, plan);
  const fromStats = stats.flatMap((row) => {
    const id = row.department?.id ?? row.departmentId;
    if (!id) return [];
    const plan = byDepartment.get(id);
    const grades = row.gradeCounts.filter((grade) => grade.count > 0);
    const grade = grades.length ? grades.map((entry) => (row.planCount > 1 ? `${entry.label} ×${entry.count}` : entry.label)).join('、') : (plan?.rollup.gradeLabel ?? null);
    return [{
      departmentId: id,
      name: row.department?.shortName ?? row.department?.name ?? plan?.department.shortName ?? plan?.department.name ?? id,
      planCount: row.planCount,
      score: row.averageScore ?? plan?.rollup.computedTotal ?? null,
      grade,
      executionRatePercent: row.executionRatePercent ?? plan?.rollup.executionRatePercent ?? null,
    }];
  });
  if (fromStats.length) return fromStats;
  return [...byDepartment.values()].map((plan) => ({
    departmentId: plan.department.id,
    name: plan.department.shortName ?? plan.department.name,
    planCount: plans.filter((other) => other.department.id === plan.department.id).length,
    score: plan.rollup.computedTotal ?? null,
    grade: plan.rollup.gradeLabel ?? null,
    executionRatePercent: plan.rollup.executionRatePercent ?? null,
  }));
}

/** Whether some figure planStats left empty may come from the plans' roll-ups. */
export function needsPlanFigures(stats: Stats[]): boolean {
  return stats.length === 0 || stats.some((row) => row.averageScore == null || row.gradeCounts.every((grade) => grade.count === 0));
}
