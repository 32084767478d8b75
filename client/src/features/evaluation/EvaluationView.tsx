import { useCapabilities } from '../../app/capabilities';
import { CompletionBar } from '../../components/StatusTag';
import { StatusTag } from '../../components/StatusTag';
import type { Plan, Rollup } from '../../graphql/types';
import { t } from '../../i18n/zh-CN';
import { BudgetBlock } from '../plan-editor/BudgetBlock';
import { IndicatorTable } from '../plan-editor/IndicatorTable';
import { LineItemTree } from '../plan-editor/LineItemTree';
import { FormHead } from '../plan-editor/PlanningView';
import { ChecksPanel } from './ChecksPanel';

/** 绩效自评: laid out like 部门整体支出绩效自评表; every figure is the server's. */
export function EvaluationView({ plan }: { plan: Plan }) {
  const { reading } = useCapabilities();
  const rollup = plan.rollup;
  return (
    <div className={plan.checks ? "evaluation-layout" : undefined}>
      <article className="form-sheet">
        <h1 className="form-title">{t.evaluation.formTitle(plan.year)}</h1>
        <FormHead plan={plan} />
        {!reading && <p className="banner banner-server">{t.evaluation.pendingServer}</p>}
        <h2 className="block-title">{t.evaluation.spending}</h2>
        <BudgetBlock
          planId={plan.id}
          lines={plan.budget.lines}
          stages={['fullYear', 'actual', 'carryover']}
          executionRate={rollup?.executionRatePercent != null ? <CompletionBar percent={rollup.executionRatePercent} /> : '—'}
        />
        <h2 className="block-title">{t.planning.indicators}</h2>
        <IndicatorTable planId={plan.id} lineItemId={null} indicators={plan.indicators} mode="evaluation" />
        {rollup && <Totals rollup={rollup} />}
        {plan.lineItems.length > 0 && (
          <>
            <h2 className="block-title">{t.evaluation.lineItemIndicators}</h2>
            <LineItemTree planId={plan.id} items={plan.lineItems} mode="evaluation" />
          </>
        )}
      </article>
      {plan.checks && <ChecksPanel checks={plan.checks} />}
    </div>
  );
}

/** 分项得分, 自评综合得分 and 评价等次 as the server totals them. */
function Totals({ rollup }: { rollup: Rollup }) {
  return (
    <table className="form-table totals" data-section-totals="">
      <thead>
        <tr>
          <th>{t.evaluation.section}</th>
          <th>{t.evaluation.sectionCount}</th>
          <th>{t.evaluation.sectionWeight}</th>
          <th>{t.evaluation.sectionScore}</th>
        </tr>
      </thead>
      <tbody>
        {rollup.sections.map((section) => (
          <tr key={section.level1}>
            <th className="row-head">{section.label}</th>
            <td className="num">{section.count}</td>
            <td className="num">{section.weight ?? '—'}</td>
            <td className="num">{section.score ?? '—'}</td>
          </tr>
        ))}
        <tr className="total-row">
          <th className="row-head">{t.evaluation.total}</th>
          <td className="num">
            {rollup.statusCounts.filter((c) => c.count > 0).map((c) => (
              <span key={c.status} className="count">
                <StatusTag status={c.status} /> {c.count}
              </span>
            ))}
          </td>
          <td className="num" title={t.evaluation.weightTotal}>{rollup.weightTotal ?? '—'}</td>
          <td className="num strong" data-total-score="">
            {rollup.scoreTotal ?? '—'}
            {rollup.suggestedScoreTotal != null && <span className="muted small">（{t.evaluation.suggestedTotal} {rollup.suggestedScoreTotal}）</span>}
          </td>
        </tr>
        <tr>
          <th className="row-head">{t.evaluation.grade}</th>
          <td colSpan={3} className="strong grade" data-grade="">{rollup.gradeLabel ?? rollup.grade ?? '—'}</td>
        </tr>
      </tbody>
    </table>
  );
}
