/**
 * The rows of the budget matrix (DOMAIN.md §2): by nature, by income, basic detail, 三公经费.
 */
import { BudgetCategory } from '@jixiao/vocabulary';

export { BudgetCategory };

/** How the budget matrix's rows map to the plan document's keys (schema/plan-document.schema.json). */
export const NATURE_ROWS = {
  total: BudgetCategory.TOTAL,
  basic: BudgetCategory.BASIC,
  personnel: BudgetCategory.PERSONNEL,
  publicUse: BudgetCategory.PUBLIC_USE,
  project: BudgetCategory.PROJECT,
} as const;

export const INCOME_ROWS = {
  generalPublic: BudgetCategory.INCOME_GENERAL_PUBLIC,
  governmentFund: BudgetCategory.INCOME_GOVERNMENT_FUND,
  other: BudgetCategory.INCOME_OTHER,
  priorYearCarryover: BudgetCategory.INCOME_PRIOR_YEAR_CARRYOVER,
  specialAccountNonTax: BudgetCategory.INCOME_SPECIAL_ACCOUNT_NON_TAX,
} as const;

export const THREE_PUBLIC_ROWS = {
  total: BudgetCategory.THREE_PUBLIC_TOTAL,
  reception: BudgetCategory.THREE_PUBLIC_RECEPTION,
  vehicleOps: BudgetCategory.THREE_PUBLIC_VEHICLE_OPS,
  vehiclePurchase: BudgetCategory.THREE_PUBLIC_VEHICLE_PURCHASE,
  overseas: BudgetCategory.THREE_PUBLIC_OVERSEAS,
} as const;
