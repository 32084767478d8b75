import { createRequire } from 'node:module';
import { cruise, type ICruiseOptions, type IForbiddenRuleType, type IViolation } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

/** The rules in .dependency-cruiser.cjs: domain is pure, modules meet through services, resolvers are entry points. */
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as { forbidden: IForbiddenRuleType[]; options: ICruiseOptions };

async function violations(paths: string[], forbidden = config.forbidden): Promise<string[]> {
  const result = await cruise(paths, { ...config.options, ruleSet: { forbidden }, validate: true, exclude: { path: 'node_modules' } });
  if (typeof result.output === 'string') throw new Error(result.output);
  return result.output.summary.violations.map((violation: IViolation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`);
}

describe('folder boundaries (dependency-cruiser)', () => {
  it('server/src keeps them', { timeout: 120_000 }, async () => {
    expect(await violations(['server/src'])).toEqual([]);
  });

  it('the rules do fire: without its test exemption, domain-is-pure catches a test reading a fixture file', { timeout: 120_000 }, async () => {
    const strict = config.forbidden.map((rule) => (rule.name === 'domain-is-pure' ? { ...rule, from: { path: '^server/src/domain/checks/' } } : rule));
    expect(await violations(['server/src/domain/checks'], strict)).toContain('domain-is-pure: server/src/domain/checks/checks.test.ts → fs');
  });
});
