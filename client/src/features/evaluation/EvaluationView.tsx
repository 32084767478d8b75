import { CompletionBar, StatusTag } from '../../components/StatusTag';
import type { Plan } from '../plan-editor/plan.graphql';
import { t } from '../../i18n/zh-CN';
import { BudgetBlock } from '../plan-editor/BudgetBlock';
import { IndicatorTable } from '../plan-editor/IndicatorTable';
import { LineItemTree } from '../plan-editor/LineItemTree';
import { FormHead } from '../plan-editor/PlanningView';
import { SectionNav } from '../plan-editor/SectionNav';
import { EvaluationCharts } from '../charts/EvaluationCharts';
import { ChecksPanel } from './ChecksPanel';
import { DerivedFigures } from './DerivedFigures';
import { NarrativeBlock } from './NarrativeBlock';
import { RestoreWeights, SectionWeightCell, useSectionWeights } from './SectionWeights';

/** 绩效自评: laid out like 部门整体支出绩效自评表; every figure is the server's. */
export function EvaluationView({ plan }: { plan: Plan }) {
  const rollup = plan.rollup;
  return (
    <div className="evaluation-layout">
      <article className="form-sheet">
        <h1 className="form-title">{t.evaluation.formTitle(plan.year)}</h1>
        <FormHead plan={plan} />
        <SectionNav sections={[
          ['block-spending', t.evaluation.spending],
          ['block-indicators', t.planning.indicators],
          ['section-totals', t.evaluation.total],
          ...(plan.lineItems.length > 0 ? [['block-line-items', t.evaluation.lineItemIndicators] as [string, string]] : []),
          ['block-narrative', t.evaluation.narrative],
        ]} />
        <h2 className="block-title" id="block-spending">{t.evaluation.spending}</h2>
        <BudgetBlock
          planId={plan.id}
          lines={plan.budget.lines}
          stages={['fullYear', 'actual', 'carryover']}
          executionRate={rollup.executionRatePercent != null ? <CompletionBar percent={rollup.executionRatePercent} /> : '—'}
        />
        <DerivedFigures planId={plan.id} revision={JSON.stringify([plan.budget.lines, plan.staff])} />
        <h2 className="block-title" id="block-indicators">{t.planning.indicators}</h2>
        <IndicatorTable planId={plan.id} lineItemId={null} indicators={plan.indicators} mode="evaluation" />
        <Totals plan={plan} />
        <EvaluationCharts plan={plan} />
        {plan.lineItems.length > 0 && (
          <>
            <h2 className="block-title" id="block-line-items">{t.evaluation.lineItemIndicators}</h2>
            <LineItemTree planId={plan.id} items={plan.lineItems} mode="evaluation" />
          </>
        )}
        <h2 className="block-title" id="block-narrative">{t.evaluation.narrative}</h2>
        <NarrativeBlock planId={plan.id} evaluation={plan.evaluation} />
      </article>
      <ChecksPanel checks={plan.checks} />
    </div>
  );
}

/** 分项得分, 自评综合得分 and 评价等次 as the server totals them; the 分值 of each section is editable. */
export function Totals({ plan }: { plan: Plan }) {
  const rollup = plan.rollup;
  const weights = useSectionWeights(plan.id, plan.sectionWeights ?? []);
  return (
    <table className="form-table totals" id="section-totals" data-section-totals="">
      <thead>
        <tr>
          <th>{t.evaluation.section}</th>
          <th>{t.evaluation.sectionCount}</th>
          <th>{t.evaluation.sectionWeight}</th>
          <th>{t.evaluation.indicatorWeight}</th>
          <th>{t.evaluation.suggestedTotal}</th>
          <th>{t.evaluation.sectionScore}</th>
        </tr>
      </thead>
      <tbody>
        {rollup.sections.map((section) => (
          <tr key={section.level1} data-section={section.level1}>
            <th className="row-head">{section.label}</th>
            <td className="num">{section.count}</td>
            <td>
              <SectionWeightCell section={section} readOnly={!weights.editable} onCommit={(text) => weights.setWeight(section.level1, text)} />
            </td>
            <td className="num">{section.indicatorWeight}</td>
            <td className="num">{section.suggestedScore}</td>
            <td className="num">{section.score ?? '—'}</td>
          </tr>
        ))}
        <tr className="total-row">
          <th className="row-head">{t.evaluation.total}</th>
          <td className="num">{rollup.count}</td>
          <td className="center">{weights.editable && <RestoreWeights onRestore={weights.restore} />}</td>
          <td className="num" title={t.evaluation.weightTotal}>{rollup.weightTotal}</td>
          <td className="num">{rollup.suggestedScoreTotal}</td>
          <td className="num strong" data-total-score="">{rollup.scoredCount > 0 ? rollup.scoreTotal : '—'}</td>
        </tr>
        <tr data-computed-total="">
          <th className="row-head">{t.evaluation.computedTotal}</th>
          <td colSpan={4} className="muted small">{rollup.gradeExplanation}</td>
          <td className="num strong">{rollup.computedTotal ?? '—'}</td>
        </tr>
        {(plan.evaluation?.totalScore != null || plan.evaluation?.grade) && <StatedTotal plan={plan} />}
        <tr>
          <th className="row-head">{t.evaluation.grade}</th>
          <td colSpan={5} className="grade">
            <strong data-grade="">{rollup.gradeLabel ?? '—'}</strong>
            {rollup.gradeProvisional && rollup.gradeLabel && <span className="tag tag-pending" data-provisional="">{t.evaluation.provisional}</span>}
            {rollup.pendingCount > 0 && <span className="muted" data-pending="">{t.evaluation.pending(rollup.pendingCount)}</span>}
            <span className="counts">
              {rollup.statusCounts.filter((c) => c.count > 0).map((c) => (
                <span key={c.status} className="count">
                  <StatusTag status={c.status} /> {c.count}
                </span>
              ))}
            </span>
          </td>
        </tr>
        {rollup.warnings.map((warning) => (
          <tr key={`${warning.code}-${warning.level1 ?? ''}`}>
            <td colSpan={6} className="hint-row">⚠ {warning.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * What the 自评表 itself states (综合得分, 等次) beside the computed total, with the server's check that
 * explains a difference (STATED_TOTAL_MISMATCH / STATED_GRADE_MISMATCH, docs/gap-rules.md §3.7).
 */
function StatedTotal({ plan }: { plan: Plan }) {
  const stated = plan.evaluation!;
  const findings = plan.checks.filter((check) => check.code === 'STATED_TOTAL_MISMATCH' || check.code === 'STATED_GRADE_MISMATCH');
  return (
    <tr data-stated-total="">
      <th className="row-head">{t.evaluation.statedTotal}</th>
      <td colSpan={4} className="muted small">
        {findings.map((check) => (
          <span key={check.code} className="hint" data-stated-finding={check.code}>⚠ {check.message}</span>
        ))}
      </td>
      <td className="num">
        {[stated.totalScore != null ? t.evaluation.statedScore(stated.totalScore) : null, stated.grade ? t.evaluation.statedGrade(stated.grade) : null].filter(Boolean).join('，')}
      </td>
    </tr>
  );
}
