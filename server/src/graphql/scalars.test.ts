import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal } from '../domain/decimal.js';
import { random as seeded } from '../../bench/province/generate.js';
import { DecimalScalar } from './scalars.js';

/** What Decimal serialised before its fast path: parsed and formatted again (or refused). */
function reference(value: string): string {
  const parsed = parseDecimal(value);
  return parsed.ok ? formatDecimal(parsed.value) : 'refused';
}

describe('Decimal serialises canonical text as it is (issue 12)', () => {
  it('answers as parsing and formatting again would, canonical or not', () => {
    const random = seeded(7);
    const below = (n: number) => Math.floor(random() * n);
    const values = ['0', '-0', '-0.0', '00', '0.10', '1.', '.5', '+1', '-', ' 1', '1e5', '99999999.999999', '100000000', '100000000.1', '-99999999.999999', '1.0000001', '0.000001'];
    for (let index = 0; index < 5000; index++) {
      const micros = BigInt(below(2) ? -1 : 1) * (BigInt(below(1e9)) * 10n ** BigInt(below(9)) + BigInt(below(1000)));
      values.push(formatDecimal(micros), `${formatDecimal(micros)}0`);
    }
    for (const value of values) {
      let serialised: string;
      try {
        serialised = DecimalScalar.serialize(value) as string;
      } catch {
        serialised = 'refused';
      }
      expect(serialised, value).toBe(reference(value));
    }
  });
});
