import { Field, ObjectType, registerEnumType } from 'type-graphql';

export const UserErrorCode = {
  INVALID: 'INVALID',
  REQUIRED: 'REQUIRED',
  TOO_LONG: 'TOO_LONG',
  NOT_A_NUMBER: 'NOT_A_NUMBER',
  TOO_PRECISE: 'TOO_PRECISE',
  TOO_LARGE: 'TOO_LARGE',
  NEGATIVE: 'NEGATIVE',
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  NOT_FOUND: 'NOT_FOUND',
  DUPLICATE: 'DUPLICATE',
  HAS_DEPENDENTS: 'HAS_DEPENDENTS',
  INVALID_DOCUMENT: 'INVALID_DOCUMENT',
  REASON_REQUIRED: 'REASON_REQUIRED',
  FORBIDDEN: 'FORBIDDEN',
  WRONG_STATUS: 'WRONG_STATUS',
  CONFLICT: 'CONFLICT',
  BAD_CREDENTIALS: 'BAD_CREDENTIALS',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
  TOO_MANY: 'TOO_MANY',
  TOO_DEEP: 'TOO_DEEP',
} as const;
export type UserErrorCode = (typeof UserErrorCode)[keyof typeof UserErrorCode];

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: '用户输入错误类型 / kind of user error',
  valuesConfig: {
    INVALID: { description: '格式或取值无效 / invalid value' },
    REQUIRED: { description: '必填 / required' },
    TOO_LONG: { description: '文本过长 / text too long' },
    NOT_A_NUMBER: { description: '不是有效数字 / not a number' },
    TOO_PRECISE: { description: '小数位数过多（金额最多 6 位）/ too many decimals' },
    TOO_LARGE: { description: '数值超出合理范围 / absurd magnitude' },
    NEGATIVE: { description: '不允许为负数 / must not be negative' },
    OUT_OF_RANGE: { description: '超出允许范围 / out of range' },
    NOT_FOUND: { description: '对象不存在 / not found' },
    DUPLICATE: { description: '重复（如同一部门同一年度已有计划）/ duplicate' },
    HAS_DEPENDENTS: { description: '仍有关联数据，不能删除 / still referenced, cannot delete' },
    INVALID_DOCUMENT: { description: '计划文件不符合格式 / plan document does not match the schema' },
    REASON_REQUIRED: { description: '须填写原因（扣分、调整、退回）/ a reason is required' },
    FORBIDDEN: { description: '无权操作（角色或部门范围）/ not allowed for your role or departments' },
    WRONG_STATUS: { description: '计划当前状态不允许此操作 / not allowed in the plan\'s current status' },
    CONFLICT: { description: '数据已被他人修改（返回当前值，请确认后重试）/ changed by someone else; the current value is returned' },
    BAD_CREDENTIALS: { description: '用户名或密码错误 / wrong user name or password' },
    TOO_MANY_ATTEMPTS: { description: '登录失败次数过多，请稍后再试 / too many failed sign-ins; try later' },
    TOO_MANY: { description: '超过计划的指标数上限（10,000）/ more indicators than a plan may hold' },
    TOO_DEEP: { description: '专项层级超过上限（4 级）/ line items nested deeper than allowed' },
  },
});

/** A problem with the caller's input: returned in the payload, the database unchanged. */
@ObjectType({ description: '输入错误（数据未作任何修改）/ an input error; nothing was changed' })
export class UserError {
  @Field(() => [String], { description: '出错字段的路径，如 ["input","name"] / path to the field' })
  field!: string[];

  @Field(() => String, { description: '错误说明（中文在前）/ message, Chinese first' })
  message!: string;

  @Field(() => UserErrorCode, { description: '错误类型 / code' })
  code!: UserErrorCode;
}

/** Thrown by services on bad input; mutations turn it into `userErrors` and roll back. */
export class UserInputError extends Error {
  /** For CONFLICT: the object as it now is, returned in the payload so the editor can show it. */
  current: unknown = null;

  constructor(readonly errors: UserError[]) {
    super(errors.map((error) => `${error.field.join('.')}: ${error.message}`).join('; '));
  }

  static of(field: string[], code: UserErrorCode, message: string): UserInputError {
    return new UserInputError([{ field, code, message }]);
  }
}
