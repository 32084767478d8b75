import type { EntityManager } from '@mikro-orm/sqlite';
import { formatDecimal, toMicros } from '../../domain/decimal.js';
import { UserErrorCode, UserInputError } from '../../graphql/user-error.js';
import type { Plan } from '../plan/plan.entity.js';
import { getPlan } from '../plan/plan.service.js';
import { authorize, authorizeAny } from '../user/access.js';
import { checkText, checkTextList, checkVersion, LONG_TEXT_MAX, SHORT_TEXT_MAX } from '../validation.js';
import { Evaluation } from './evaluation.entity.js';
import type { UpdateEvaluationInput } from './evaluation.input.js';
import type { ExecutionScoringInput } from './execution-scoring.type.js';
import { storePlanFigures } from '../plan/plan-figures.store.js';

/** The evaluator writes the 自评's narrative: who evaluated, the survey, 存在的问题, 改进措施, 结果应用, 公开情况. */
export async function updateEvaluation(em: EntityManager, input: UpdateEvaluationInput, expectedVersion?: number | null): Promise<Evaluation> {
  const plan = await getPlan(em, input.planId, ['input', 'planId']);
  authorize(em, 'EVALUATE', plan);
  const evaluation = (await em.findOne(Evaluation, { plan })) ?? em.create(Evaluation, { plan });
  if (evaluation.version !== undefined) checkVersion(evaluation, expectedVersion);
  if (input.evaluators !== undefined) {
    input.evaluators?.forEach((person, index) =>
      (['name', 'title', 'unit'] as const).forEach((key) => checkText(person[key], ['input', 'evaluators', String(index), key], { max: SHORT_TEXT_MAX })),
    );
    evaluation.evaluators = input.evaluators?.map((person) => ({ name: person.name ?? null, title: person.title ?? null, unit: person.unit ?? null })) ?? null;
  }
  if (input.satisfaction !== undefined) {
    const survey = input.satisfaction;
    if (survey) (['satisfied', 'basicallySatisfied', 'dissatisfied'] as const).forEach((key) => checkText(survey[key], ['input', 'satisfaction', key], { max: 100 }));
    evaluation.satisfaction = survey && { satisfied: survey.satisfied ?? null, basicallySatisfied: survey.basicallySatisfied ?? null, dissatisfied: survey.dissatisfied ?? null };
  }
  for (const key of ['problems', 'measures'] as const) {
    if (input[key] === undefined) continue;
    checkTextList(input[key], ['input', key]);
    evaluation[key] = input[key] ?? null;
  }
  for (const key of ['application', 'disclosure'] as const) {
    if (input[key] === undefined) continue;
    checkText(input[key], ['input', key], { max: LONG_TEXT_MAX });
    evaluation[key] = input[key] ?? null;
  }
  await storePlanFigures(em, plan.id);
  return evaluation;
}

/**
 * The plan's 预算执行率 scoring profile (issue 10 item 4): null or PROPORTIONAL is 财预〔2020〕10号's
 * weight × rate; STEPWISE takes a full-marks rate (0–100], a step (0–100] and a deduction per step (0–100].
 */
export async function setExecutionScoring(em: EntityManager, planId: string, input: ExecutionScoringInput | null, expectedVersion?: number | null): Promise<Plan> {
  const plan = await getPlan(em, planId, ['planId']);
  authorizeAny(em, ['EDIT_DRAFT', 'EVALUATE'], plan);
  checkVersion(plan, expectedVersion);
  if (input === null || input.profile === 'PROPORTIONAL') {
    plan.executionScoring = null;
  } else {
    const checkPositive = (value: string | null | undefined, key: 'fullMarksRate' | 'stepPercent' | 'deductionPerStep') => {
      if (value == null) return null;
      const micros = toMicros(value);
      if (micros <= 0n || micros > toMicros('100')) {
        throw UserInputError.of(['input', key], UserErrorCode.OUT_OF_RANGE, `须大于 0 且不超过 100：${value} (must be in (0, 100])`);
      }
      return formatDecimal(micros);
    };
    plan.executionScoring = {
      profile: 'STEPWISE',
      fullMarksRate: checkPositive(input.fullMarksRate, 'fullMarksRate'),
      stepPercent: checkPositive(input.stepPercent, 'stepPercent'),
      deductionPerStep: checkPositive(input.deductionPerStep, 'deductionPerStep'),
    };
  }
  await storePlanFigures(em, plan.id);
  return plan;
}
