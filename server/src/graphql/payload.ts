import { type ClassType, Field, ID, ObjectType } from 'type-graphql';
import { UserError } from './user-error.js';

/**
 * A mutation payload `{ <key>: Node, userErrors }` (the GitHub/Shopify shape): the changed object,
 * or null with the reasons when the input was refused and nothing changed.
 */
export function Payload<T extends object>(Node: ClassType<T>, key: string, name: string, description: string) {
  @ObjectType(name, { description: `${description}的变更结果 / result of a mutation` })
  class PayloadType {
    @Field(() => [UserError], { description: '输入错误（有错误时未作任何修改）/ input errors; nothing changed when present' })
    userErrors!: UserError[];
  }
  Field(() => Node, { nullable: true, description: `变更后的${description} / the changed object` })(PayloadType.prototype, key);
  return PayloadType;
}

@ObjectType({ description: '删除结果 / result of a deletion' })
export class DeletePayload {
  @Field(() => ID, { nullable: true, description: '已删除对象的编号 / id of the deleted object' })
  deletedId!: string | null;

  @Field(() => [UserError], { description: '输入错误 / input errors' })
  userErrors!: UserError[];
}

/** A deletion's payload; on a CONFLICT the result is the current object, not an id: nothing was deleted. */
export function deleted({ result, userErrors }: { result: number | null; userErrors: UserError[] }): DeletePayload {
  return { deletedId: typeof result === 'number' ? String(result) : null, userErrors };
}

/** Options of the optional `expectedVersion` argument every update mutation takes (optimistic locking). */
export const EXPECTED_VERSION = {
  nullable: true,
  description: '您所编辑对象的版本号；已被他人修改时返回 CONFLICT 与当前值 / the version you edited; a stale one returns CONFLICT with the current value',
} as const;
