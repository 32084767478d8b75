/**
 * Whether the stored figures (indicator.gap_status, reading_kind, completion, score_lost; plan.rollup_*;
 * plan_check_count) are in the database yet: another change adds them. Until then planStats leaves its
 * score, grade, status and check figures empty and the SCORE_LOST/COMPLETION orderings are refused.
 */
export const STORED_FIGURES = false;
