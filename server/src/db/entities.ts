import { StageAmounts } from './stage-amounts.embeddable.js';
import { Department } from '../modules/department/department.entity.js';
import { Evaluation, EvaluationSection } from '../modules/evaluation/evaluation.entity.js';
import { Indicator } from '../modules/indicator/indicator.entity.js';
import { LineItem } from '../modules/line-item/line-item.entity.js';
import { BudgetLine } from '../modules/plan/budget-line.entity.js';
import { KeyTask } from '../modules/plan/key-task.entity.js';
import { Plan } from '../modules/plan/plan.entity.js';
import { PlanCheckCount } from '../modules/plan/plan-check-count.entity.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { Session, User } from '../modules/user/user.entity.js';

export const entities = [
  StageAmounts,
  Department,
  Plan,
  KeyTask,
  BudgetLine,
  LineItem,
  Indicator,
  Evaluation,
  EvaluationSection,
  User,
  Session,
  AuditEntry,
  PlanCheckCount,
];
