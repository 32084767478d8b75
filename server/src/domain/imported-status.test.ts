import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importedStatus } from './imported-status.js';
import type { PlanDocument } from './plan-document.js';

const read = (name: string): PlanDocument => JSON.parse(readFileSync(new URL(`../../demo-data/${name}`, import.meta.url), 'utf8'));
const fixture004 = read('yanfeng-2024-self-evaluation.json');
const fixture002 = read('shifeng-2021-targets.json');

describe('importedStatus — the workflow status an imported document lands in (issue 10 item 6)', () => {
  it.each<[string, PlanDocument, string | null]>([
    ['fixture 004: states 99 but no 评价等次 → 自评中', fixture004, 'EVALUATING'],
    ['fixture 004 with 等次 优: total, grade and every weighted row scored → 已关闭', { ...fixture004, evaluation: { ...fixture004.evaluation, grade: '优' } }, 'CLOSED'],
    ['a grade but one weighted row without 得分 → 自评中', { ...fixture004, evaluation: { ...fixture004.evaluation, grade: '优' }, indicators: fixture004.indicators!.map((row, index) => (index === 1 ? { ...row, score: null } : row)) }, 'EVALUATING'],
    ['a grade of blanks is no grade → 自评中', { ...fixture004, evaluation: { ...fixture004.evaluation, grade: '  ' } }, 'EVALUATING'],
    ['a self-evaluation without an evaluation block → 自评中', { ...fixture004, evaluation: null }, 'EVALUATING'],
    ['fixture 002, a target table: keeps the plan\'s status', fixture002, null],
    ['a final-accounts report: keeps the plan\'s status', { ...fixture004, kind: 'final_accounts_report' }, null],
  ])('%s', (_name, document, expected) => {
    expect(importedStatus(document)).toBe(expected);
  });
});
