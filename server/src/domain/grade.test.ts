import { describe, expect, it } from 'vitest';
import { toMicros } from './decimal.js';
import { gradeForScore, readStatedGrade } from './grade.js';

describe('评价等次 by total score: ≥ 90 优 · ≥ 80 良 · ≥ 60 中 · < 60 差', () => {
  it.each([
    ['100', 'EXCELLENT'],
    ['90', 'EXCELLENT'],
    ['89.99', 'GOOD'],
    ['80', 'GOOD'],
    ['79.99', 'FAIR'],
    ['60', 'FAIR'],
    ['59.99', 'POOR'],
    ['0', 'POOR'],
  ])('%s 分 → %s', (score, grade) => expect(gradeForScore(toMicros(score))).toBe(grade));
});

describe('a grade as a document states it', () => {
  it.each([
    ['优', 'EXCELLENT'],
    ['优秀', 'EXCELLENT'],
    ['良', 'GOOD'],
    ['良好', 'GOOD'],
    ['较好', 'GOOD'],
    ['中', 'FAIR'],
    ['合格', 'FAIR'],
    ['一般', 'FAIR'],
    ['差', 'POOR'],
    ['较差', 'POOR'],
    ['不合格', 'POOR'],
    [' 优 等 ', 'EXCELLENT'],
    ['满意', null],
    ['', null],
  ])('%s → %s', (text, grade) => expect(readStatedGrade(text)).toBe(grade));
});
