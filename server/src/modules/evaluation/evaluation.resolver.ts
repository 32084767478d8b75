import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { runMutation } from '../../graphql/mutation.js';
import { EXPECTED_VERSION, Payload } from '../../graphql/payload.js';
import { Plan } from '../plan/plan.entity.js';
import { Evaluation, EvaluationSection } from './evaluation.entity.js';
import { UpdateEvaluationInput } from './evaluation.input.js';
import { setExecutionScoring, updateEvaluation } from './evaluation.service.js';
import { executionProfileOf } from './execution-scoring.service.js';
import { ExecutionScoring, ExecutionScoringInput, executionScoringView } from './execution-scoring.type.js';

const EvaluationPayload = Payload(Evaluation, 'evaluation', 'EvaluationPayload', '自评');

@Authorized()
@Resolver(() => Evaluation)
export class EvaluationResolver {
  @FieldResolver(() => [EvaluationSection], { description: '自评分项 / scored sections as stated' })
  async sections(@Root() evaluation: Evaluation): Promise<EvaluationSection[]> {
    if (!evaluation.sections.isInitialized()) await evaluation.sections.init({ orderBy: { position: 'asc' } });
    return [...evaluation.sections.getItems()].sort((a, b) => a.position - b.position);
  }

  @FieldResolver(() => Plan, { description: '所属计划 / the plan' })
  plan(@Root() evaluation: Evaluation, @Ctx() { em }: Context): Promise<Plan> {
    return em.findOneOrFail(Plan, { id: evaluation.plan.id });
  }

  @Mutation(() => EvaluationPayload, { description: '填写自评表的评价人员、满意度、问题、措施、结果应用与公开情况 / write the narrative parts of the self-evaluation' })
  async updateEvaluation(
    @Ctx() { em }: Context,
    @Arg('input', () => UpdateEvaluationInput) input: UpdateEvaluationInput,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
  ) {
    const { result, userErrors } = await runMutation(em, (tx) => updateEvaluation(tx, input, expectedVersion));
    return { evaluation: result, userErrors };
  }
}

const ExecutionScoringPayload = Payload(Plan, 'plan', 'ExecutionScoringPayload', '预算执行率计分方式');

/** The plan's 预算执行率 scoring profile: read on the plan, set by planners (draft) and evaluators (自评). */
@Authorized()
@Resolver(() => Plan)
export class PlanExecutionScoringResolver {
  @FieldResolver(() => ExecutionScoring, { description: '预算执行率计分方式（默认按比例）/ how the 预算执行率 section is scored (proportional by default)' })
  executionScoring(@Root() plan: Plan): ExecutionScoring {
    return executionScoringView(executionProfileOf(plan));
  }

  @Mutation(() => ExecutionScoringPayload, {
    description: '设置预算执行率计分方式（null 或 PROPORTIONAL 恢复按比例）/ set the 预算执行率 scoring profile; null or PROPORTIONAL restores proportional',
  })
  async setExecutionScoring(
    @Ctx() { em }: Context,
    @Arg('planId', () => ID) planId: string,
    @Arg('input', () => ExecutionScoringInput, { nullable: true }) input: ExecutionScoringInput | null,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
  ) {
    const { result, userErrors } = await runMutation(em, (tx) => setExecutionScoring(tx, planId, input, expectedVersion));
    return { plan: result, userErrors };
  }
}
