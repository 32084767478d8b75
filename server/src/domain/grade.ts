/** 评价等次 by total score (财预〔2020〕10号): ≥ 90 优 · ≥ 80 良 · ≥ 60 中 · < 60 差. */
import { EVALUATION_GRADE_LABELS, type EvaluationGrade } from '@jixiao/vocabulary';
import type { Micros } from './decimal.js';

export { EVALUATION_GRADE_LABELS, type EvaluationGrade };

const POINT = 1_000_000n;

export function gradeForScore(total: Micros): EvaluationGrade {
  if (total >= 90n * POINT) return 'EXCELLENT';
  if (total >= 80n * POINT) return 'GOOD';
  if (total >= 60n * POINT) return 'FAIR';
  return 'POOR';
}

/** Reads a grade as a document states it ("优", "优秀", "良好", …); null when it is not one. */
export function readStatedGrade(text: string): EvaluationGrade | null {
  const label = text.replace(/[\s\u3000等级次]/g, '');
  if (/^优秀?$/.test(label)) return 'EXCELLENT';
  if (/^(良|良好|较好)$/.test(label)) return 'GOOD';
  if (/^(中|合格|一般|中等)$/.test(label)) return 'FAIR';
  if (/^(差|较差|不合格)$/.test(label)) return 'POOR';
  return null;
}
