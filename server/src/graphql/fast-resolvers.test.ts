import 'reflect-metadata';
import { type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Role } from '../modules/user/user.entity.js';
import type { Context } from './context.js';
import { graphqlSchema } from './schema.js';

const fieldsOf = async (type: string) => ((await graphqlSchema()).getType(type) as GraphQLObjectType).getFields();
const contextOf = (role: Role | null) => ({ em: null, actor: role && { id: 1, name: 'x', role, departmentIds: [] }, user: null }) as unknown as Context;
/** The code of the error `run` throws synchronously (type-graphql's AuthenticationError / AuthorizationError). */
function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'no error';
}
const info = null as unknown as GraphQLResolveInfo;

describe('streamlined resolvers (fast-resolvers.ts)', () => {
  it('plain fields use graphql-js’s default resolver; field resolvers keep theirs', async () => {
    const indicator = await fieldsOf('Indicator');
    expect(indicator.name.resolve).toBeUndefined();
    expect(indicator.targetText.resolve).toBeUndefined();
    expect(indicator.gap.resolve).toBeTypeOf('function');
    expect((await fieldsOf('Query')).plan.resolve).toBeTypeOf('function');
  });

  it('a field resolver checks the same roles, synchronously, with the same errors', async () => {
    const planId = (await fieldsOf('Indicator')).planId.resolve!;
    const row = { id: 1, plan: { id: 7 } };
    expect(codeOf(() => planId(row, {}, contextOf(null), info))).toBe('UNAUTHENTICATED');
    expect(planId(row, {}, contextOf(Role.PLANNER), info)).toBe('7');
    const replaced = (await fieldsOf('AuditEntry')).replacedDocument.resolve!;
    expect(codeOf(() => replaced({}, {}, contextOf(null), info))).toBe('UNAUTHORIZED'); // roles named: type-graphql's rule
    expect(codeOf(() => replaced({}, {}, contextOf(Role.PLANNER), info))).toBe('UNAUTHORIZED');
  });
});
