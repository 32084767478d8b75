import type { Plan } from './plan.graphql';
import { t } from '../../i18n/zh-CN';
import { BudgetBlock } from './BudgetBlock';
import { GoalsBlock } from './GoalsBlock';
import { IndicatorTable } from './IndicatorTable';
import { KeyTasksBlock } from './KeyTasksBlock';
import { LineItemTree } from './LineItemTree';
import { ProfileBlock } from './ProfileBlock';
import { SectionNav } from './SectionNav';

/** 目标编制: laid out like 部门整体支出绩效目标表, then 专项资金支出方向绩效目标表. */
export function PlanningView({ plan }: { plan: Plan }) {
  return (
    <article className="form-sheet">
      <h1 className="form-title">{t.planning.formTitle(plan.year)}</h1>
      <FormHead plan={plan} />
      <SectionNav sections={[
        ['block-profile', t.planning.profile],
        ['block-budget', t.planning.budget],
        ['block-goals', t.planning.overallGoals],
        ['block-key-tasks', t.planning.keyTasks],
        ['block-indicators', t.planning.indicators],
        ['block-line-items', t.planning.lineItems],
      ]} />
      <h2 className="block-title" id="block-profile">{t.planning.profile}</h2>
      <ProfileBlock plan={plan} />
      <h2 className="block-title" id="block-budget">{t.planning.budget}</h2>
      <BudgetBlock planId={plan.id} lines={plan.budget.lines} stages={['initial', 'adjustment', 'fullYear']} derivedFigures={{ revision: JSON.stringify(plan.staff) }} />
      <h2 className="block-title" id="block-goals">{t.planning.overallGoals}</h2>
      <GoalsBlock planId={plan.id} goals={plan.overallGoals ?? []} />
      <h2 className="block-title" id="block-key-tasks">{t.planning.keyTasks}</h2>
      <KeyTasksBlock planId={plan.id} tasks={plan.keyTasks} />
      <h2 className="block-title" id="block-indicators">{t.planning.indicators}</h2>
      <IndicatorTable planId={plan.id} lineItemId={null} indicators={plan.indicators} mode="planning" />
      <h2 className="block-title" id="block-line-items">{t.planning.lineItems}</h2>
      <LineItemTree planId={plan.id} items={plan.lineItems} mode="planning" />
    </article>
  );
}

export function FormHead({ plan }: { plan: Plan }) {
  return (
    <div className="form-head">
      <span>
        {t.planning.department}：<strong>{plan.statedDepartmentName ?? plan.department.name}</strong>
      </span>
      <span>{t.planning.unit}</span>
    </div>
  );
}
