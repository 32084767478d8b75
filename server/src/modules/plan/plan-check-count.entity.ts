import { Entity, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Plan } from './plan.entity.js';

/** How many 勾稽关系/evaluation warnings of each code a plan has (stored figures, for analysts' SQL). */
@Entity()
export class PlanCheckCount {
  @ManyToOne(() => Plan, { primary: true, deleteRule: 'cascade' })
  plan!: Rel<Plan>;

  @PrimaryKey({ type: 'string', length: 100 })
  code!: string;

  @Property({ type: 'integer' })
  count!: number;
}
