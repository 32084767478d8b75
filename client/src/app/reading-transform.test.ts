import { gql } from '@apollo/client';
import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PLAN } from '../graphql/operations';
import { applyReading } from './reading-transform';

const doc = gql`
  query Q {
    indicator {
      id
      targetText
      target @reading {
        ...V
      }
    }
  }
  fragment V on IndicatorValue {
    display
  }
`;

describe('applyReading', () => {
  it('keeps @reading fields without the directive when the server reads values', () => {
    const out = print(applyReading(doc, true));
    expect(out).toContain('target {');
    expect(out).not.toContain('@reading');
    expect(out).toContain('fragment V on IndicatorValue');
  });
  it('drops them, and the fragments only they used, when it does not', () => {
    const out = print(applyReading(doc, false));
    expect(out).not.toContain('target {');
    expect(out).not.toContain('IndicatorValue');
    expect(out).toContain('targetText');
  });
  it('leaves the plan query valid either way (no dangling fragments)', () => {
    const out = print(applyReading(PLAN, false));
    expect(out).not.toMatch(/Rollup|CheckWarning|Gap|IndicatorValue/);
    expect(print(applyReading(PLAN, true))).not.toContain('@reading');
  });
});
