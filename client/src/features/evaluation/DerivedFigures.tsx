import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { t } from '../../i18n/zh-CN';
import { PLAN_DERIVED_FIGURES } from './evaluation.graphql';

const ROWS = ['budgetAdjustmentRate', 'carryOverRate', 'staffControlRate', 'threePublicChangeRate'] as const;

/**
 * 部门整体共性指标 (预算调整率, 结转结余率, 在职人员控制率, 三公经费变动率), each with the server's formula
 * and figures — or what is not stated. `revision` changes when the budget or staffing shown changes.
 */
export function DerivedFigures({ planId, revision }: { planId: string; revision: string }) {
  const { data, refetch } = useQuery(PLAN_DERIVED_FIGURES, { variables: { id: planId } });
  useEffect(() => {
    if (data) void refetch();
    // Only a change of the figures the rates read asks again.
  }, [revision]);
  const figures = data?.plan?.derivedFigures;
  if (!figures) return null;
  return (
    <table className="form-table derived-figures" data-derived-figures="">
      <caption className="block-title small">{t.derived.title}</caption>
      <tbody>
        {ROWS.map((key) => (
          <tr key={key} data-derived={key}>
            <th className="row-head">{t.derived[key]}</th>
            <td className="num strong">{figures[key].value != null ? `${figures[key].value}%` : '—'}</td>
            <td className="muted small">{figures[key].explanation}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
