import { Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import { Evaluation, EvaluationSection } from './evaluation.entity.js';

@Authorized()
@Resolver(() => Evaluation)
export class EvaluationResolver {
  @FieldResolver(() => [EvaluationSection], { description: '自评分项 / scored sections as stated' })
  async sections(@Root() evaluation: Evaluation): Promise<EvaluationSection[]> {
    if (!evaluation.sections.isInitialized()) await evaluation.sections.init({ orderBy: { position: 'asc' } });
    return [...evaluation.sections.getItems()].sort((a, b) => a.position - b.position);
  }
}
