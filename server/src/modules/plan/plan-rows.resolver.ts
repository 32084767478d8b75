import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { BudgetLine } from './budget-line.entity.js';
import { KeyTask } from './key-task.entity.js';
import { Plan } from './plan.entity.js';

/** A budget row's plan, so a payload can carry the plan's fresh roll-up and checks. */
@Authorized()
@Resolver(() => BudgetLine)
export class BudgetLineResolver {
  @FieldResolver(() => Plan, { description: '所属计划（含汇总与勾稽检查）/ the plan, with its roll-up and checks' })
  plan(@Root() line: BudgetLine, @Ctx() { em }: Context): Promise<Plan> {
    return em.findOneOrFail(Plan, { id: line.plan.id });
  }
}

@Authorized()
@Resolver(() => KeyTask)
export class KeyTaskResolver {
  @FieldResolver(() => Plan, { description: '所属计划 / the plan' })
  plan(@Root() task: KeyTask, @Ctx() { em }: Context): Promise<Plan> {
    return em.findOneOrFail(Plan, { id: task.plan.id });
  }
}
