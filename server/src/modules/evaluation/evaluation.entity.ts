import {
  Collection,
  Entity,
  ManyToOne,
  OneToMany,
  OneToOne,
  Property,
  type Rel,
} from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalType } from '../../db/decimal.type.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { Plan } from '../plan/plan.entity.js';
import { BaseEntity, IdEntity } from '../../db/base.entity.js';

@ObjectType({ description: '评价人员 / evaluator' })
export class Evaluator {
  @Field(() => String, { nullable: true, description: '姓名 / name' })
  name: string | null = null;

  @Field(() => String, { nullable: true, description: '职务 / title' })
  title: string | null = null;

  @Field(() => String, { nullable: true, description: '单位 / unit' })
  unit: string | null = null;
}

@ObjectType({ description: '满意度调查结果（占比原文）/ satisfaction survey shares as written' })
export class SatisfactionSurvey {
  @Field(() => String, { nullable: true, description: '满意 / satisfied' })
  satisfied: string | null = null;

  @Field(() => String, { nullable: true, description: '基本满意 / basically satisfied' })
  basicallySatisfied: string | null = null;

  @Field(() => String, { nullable: true, description: '不满意 / dissatisfied' })
  dissatisfied: string | null = null;
}

/** 自评: per plan, the evaluation as stated by the evaluators. */
@Entity()
@ObjectType({ description: '绩效自评 / self-evaluation of a plan' })
export class Evaluation extends BaseEntity<'totalScore' | 'grade' | 'maxScore' | 'satisfaction' | 'evaluators' | 'problems' | 'measures' | 'application' | 'disclosure'> {
  @OneToOne(() => Plan, { owner: true, unique: true, deleteRule: 'cascade' })
  plan!: Rel<Plan>;

  @Field(() => DecimalScalar, { nullable: true, description: '自评综合得分（文件所填）/ total score as stated' })
  @Property({ type: DecimalType, nullable: true })
  totalScore: string | null = null;

  @Field(() => String, { nullable: true, description: '评价等次（文件所填）/ grade as stated' })
  @Property({ type: 'string', length: 100, nullable: true })
  grade: string | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: '满分 / maximum score' })
  @Property({ type: DecimalType, nullable: true })
  maxScore: string | null = null;

  @OneToMany(() => EvaluationSection, (section) => section.evaluation, { orderBy: { position: 'asc' } })
  sections = new Collection<EvaluationSection>(this);

  @Field(() => SatisfactionSurvey, { nullable: true, description: '满意度调查 / satisfaction survey' })
  @Property({ type: 'json', nullable: true })
  satisfaction: SatisfactionSurvey | null = null;

  @Field(() => [Evaluator], { nullable: true, description: '评价人员 / evaluators' })
  @Property({ type: 'json', nullable: true })
  evaluators: Evaluator[] | null = null;

  @Field(() => [String], { nullable: true, description: '存在的问题 / problems found' })
  @Property({ type: 'json', nullable: true })
  problems: string[] | null = null;

  @Field(() => [String], { nullable: true, description: '改进措施 / measures' })
  @Property({ type: 'json', nullable: true })
  measures: string[] | null = null;

  @Field(() => String, { nullable: true, description: '结果应用 / how the results are applied' })
  @Property({ type: 'text', nullable: true })
  application: string | null = null;

  @Field(() => String, { nullable: true, description: '公开情况 / disclosure' })
  @Property({ type: 'text', nullable: true })
  disclosure: string | null = null;
}

/** A scored section of a self-evaluation (预算执行率 10, 产出指标 50, …) as the document states it. */
@Entity()
@ObjectType({ description: '自评分项（文件所填的分值与得分）/ a scored section as stated' })
export class EvaluationSection extends IdEntity<'position' | 'name' | 'weight' | 'score'> {
  @ManyToOne(() => Evaluation, { deleteRule: 'cascade' })
  evaluation!: Rel<Evaluation>;

  @Field(() => Int, { description: '顺序 / position' })
  @Property({ type: 'integer' })
  position = 0;

  @Field(() => String, { nullable: true, description: '分项名称，如 产出指标 / section name' })
  @Property({ type: 'string', length: 500, nullable: true })
  name: string | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: '分值 / weight' })
  @Property({ type: DecimalType, nullable: true })
  weight: string | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: '得分 / score' })
  @Property({ type: DecimalType, nullable: true })
  score: string | null = null;
}
