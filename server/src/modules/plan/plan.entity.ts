import {
  Collection,
  DateTimeType,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  Property,
  type Rel,
  Unique,
} from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalType } from '../../db/decimal.type.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { Department } from '../department/department.entity.js';
import { BudgetLine } from './budget-line.entity.js';
import { KeyTask } from './key-task.entity.js';
import { DocumentKind, PlanStatus } from './plan-enums.js';
import { TimestampedEntity } from '../../db/base.entity.js';

/** A plan's 预算执行率 scoring profile as stored: decimals as strings (see domain/budget-execution.ts). */
export interface ExecutionScoringSetting {
  profile: 'PROPORTIONAL' | 'STEPWISE';
  fullMarksRate?: string | null;
  stepPercent?: string | null;
  deductionPerStep?: string | null;
}

/** 编制数 / 实有人数 / 退休: staffing as that year's document states it. */
@ObjectType({ description: '人员编制情况 / staffing' })
export class Staffing {
  @Field(() => Int, { nullable: true, description: '编制数 / authorized posts' })
  authorized: number | null = null;

  @Field(() => Int, { nullable: true, description: '实有人数 / actual headcount' })
  actual: number | null = null;

  @Field(() => Int, { nullable: true, description: '退休人数 / retired' })
  retired: number | null = null;
}

/** 年度部门整体支出绩效目标: one per department per year. */
@Entity()
@Unique({ properties: ['department', 'year'] })
// planStats reads the plans' groups, scores and grades from this index alone (the plan row carries the stored roll-up JSON).
@Index({ name: 'plan_stats_index', properties: ['department', 'year', 'rollupComputedTotal', 'rollupGrade', 'rollupGradeProvisional'] })
@ObjectType({ description: '年度部门整体支出绩效目标（及自评）/ a department\'s performance plan for one year (and its evaluation)' })
export class Plan extends TimestampedEntity<'status' | 'documentKind' | 'source' | 'statedDepartmentName' | 'statedShortName' | 'statedRegion' | 'functions' | 'internalUnits' | 'subUnits' | 'staff' | 'overallGoals' | 'achievements' | 'fixedAssets' | 'sectionWeights' | 'executionScoring' | 'approvalOpinion' | 'approvalOpinionBy' | 'approvalOpinionAt'> {
  @ManyToOne(() => Department, { deleteRule: 'restrict' })
  department!: Rel<Department>;

  @Field(() => Int, { description: '预算年度 / budget year' })
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => PlanStatus, { description: '状态 / workflow status' })
  @Enum({ items: () => PlanStatus, type: 'string' })
  status: PlanStatus = PlanStatus.DRAFT;

  @Field(() => DocumentKind, { nullable: true, description: '来源文件类型 / kind of the source document, when imported' })
  @Enum({ items: () => DocumentKind, type: 'string', nullable: true })
  documentKind: DocumentKind | null = null;

  @Field(() => String, { nullable: true, description: '数据来源（文件名、系统）/ where the data came from' })
  @Property({ type: 'string', length: 500, nullable: true })
  source: string | null = null;

  @Field(() => String, { nullable: true, description: '该年文件所写的部门名称 / the department\'s name as this year\'s document writes it' })
  @Property({ type: 'string', length: 500, nullable: true })
  statedDepartmentName: string | null = null;

  @Field(() => String, { nullable: true, description: '该年文件所写的简称 / short name as written this year' })
  @Property({ type: 'string', length: 500, nullable: true })
  statedShortName: string | null = null;

  @Field(() => String, { nullable: true, description: '该年文件所写的地区 / region as written this year' })
  @Property({ type: 'string', length: 500, nullable: true })
  statedRegion: string | null = null;

  @Field(() => [String], { nullable: true, description: '部门职责 / duties' })
  @Property({ type: 'json', nullable: true })
  functions: string[] | null = null;

  @Field(() => [String], { nullable: true, description: '内设机构 / internal units' })
  @Property({ type: 'json', nullable: true })
  internalUnits: string[] | null = null;

  @Field(() => [String], { nullable: true, description: '二级单位 / 下设事业单位 / sub-units' })
  @Property({ type: 'json', nullable: true })
  subUnits: string[] | null = null;

  @Field(() => Staffing, { nullable: true, description: '人员编制 / staffing' })
  @Property({ type: 'json', nullable: true })
  staff: Staffing | null = null;

  @Field(() => [String], { nullable: true, description: '年度整体绩效目标 / overall goals for the year' })
  @Property({ type: 'json', nullable: true })
  overallGoals: string[] | null = null;

  @Field(() => [String], { nullable: true, description: '主要绩效（成效）/ achievements stated by a self-evaluation' })
  @Property({ type: 'json', nullable: true })
  achievements: string[] | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: '固定资产（年末存量，万元）/ fixed assets at year end (万元)' })
  @Property({ type: DecimalType, nullable: true })
  fixedAssets: string | null = null;

  /** 各部分分值 the plan sets for itself (e.g. 预算执行率 20); null means the defaults 10/50/30/10. */
  @Property({ type: 'json', nullable: true })
  sectionWeights: Record<string, string> | null = null;

  /** 预算执行率 scoring profile (issue 10 item 4); null means proportional (财预〔2020〕10号). */
  @Property({ type: 'json', nullable: true })
  executionScoring: ExecutionScoringSetting | null = null;

  /** 批复意见: what the reviewer wrote when approving (recorded by the workflow, audited like every plan field). */
  @Field(() => String, { nullable: true, description: '批复意见（审核人员批复时填写）/ the reviewer\'s opinion given with the approval' })
  @Property({ type: 'text', nullable: true })
  approvalOpinion: string | null = null;

  @Field(() => String, { nullable: true, description: '批复人 / who approved' })
  @Property({ type: 'string', length: 500, nullable: true })
  approvalOpinionBy: string | null = null;

  @Field(() => Date, { nullable: true, description: '批复时间 / when it was approved' })
  @Property({ type: DateTimeType, nullable: true })
  approvalOpinionAt: Date | null = null;

  // Stored roll-up (issue 11 item 1), written by plan-figures.store.ts with every change that affects it.
  @Property({ type: 'integer', nullable: true })
  rollupCount?: number | null;

  @Property({ type: 'integer', nullable: true })
  rollupScoredCount?: number | null;

  @Property({ type: 'integer', nullable: true })
  rollupPendingCount?: number | null;

  @Property({ type: DecimalType, nullable: true })
  rollupWeightTotal?: string | null;

  @Property({ type: DecimalType, nullable: true })
  rollupScoreTotal?: string | null;

  @Property({ type: DecimalType, nullable: true })
  rollupComputedTotal?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  rollupGrade?: string | null;

  @Property({ type: 'boolean', nullable: true })
  rollupGradeProvisional?: boolean | null;

  @Property({ type: DecimalType, nullable: true })
  rollupExecutionRate?: string | null;

  @Property({ type: 'integer', nullable: true })
  rollupMetCount?: number | null;

  @Property({ type: 'integer', nullable: true })
  rollupPartialCount?: number | null;

  @Property({ type: 'integer', nullable: true })
  rollupNotMetCount?: number | null;

  /** Indicators whose target reads as TEXT (judged by the evaluator). */
  @Property({ type: 'integer', nullable: true })
  rollupTextTargetCount?: number | null;



  /** The version of the figure code that computed the stored figures; below FIGURES_VERSION they are recomputed at start. */
  @Property({ type: 'integer', default: 0 })
  figuresVersion?: number;

  @OneToMany(() => KeyTask, (task) => task.plan, { orderBy: { position: 'asc' } })
  keyTasks = new Collection<KeyTask>(this);

  @OneToMany(() => BudgetLine, (line) => line.plan, { orderBy: { position: 'asc' } })
  budgetLines = new Collection<BudgetLine>(this);
}
