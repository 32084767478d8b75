import { GraphQLError } from 'graphql';
import { type ClassType, Field, Int, ObjectType } from 'type-graphql';

export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: '分页信息 / page info' })
export class PageInfo {
  @Field(() => Boolean, { description: '是否还有下一页 / whether more items follow' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: '是否还有上一页 / whether items precede this page' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: '本页第一项的游标 / cursor of the first item' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: '本页最后一项的游标 / cursor of the last item' })
  endCursor!: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay-style connection type for `Node` (edges, nodes, pageInfo, totalCount). */
export function Connection<T extends object>(Node: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: `${description}（边）/ edge` })
  class Edge {
    @Field(() => String, { description: '游标 / cursor' })
    cursor!: string;

    @Field(() => Node, { description: '节点 / node' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `${description}（分页）/ connection` })
  class ConnectionType {
    @Field(() => [Edge], { description: '边 / edges' })
    edges!: Edge[];

    @Field(() => [Node], { description: '节点（同 edges.node）/ the nodes' })
    nodes!: T[];

    @Field(() => PageInfo, { description: '分页信息 / page info' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: '符合条件的总数 / total matching' })
    totalCount!: number;
  }
  return ConnectionType;
}

/** Cursors are opaque offsets: stable for a fixed ordering, which every connection here has. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

export function pageWindow(first: number, after: string | null | undefined): { limit: number; offset: number } {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new GraphQLError(`first 须在 1 到 ${MAX_PAGE_SIZE} 之间 (first must be 1..${MAX_PAGE_SIZE})`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
    });
  }
  if (!after) return { limit: first, offset: 0 };
  const decoded = /^offset:(\d{1,9})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!decoded) {
    throw new GraphQLError('无效的游标 (invalid cursor)', { extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' } });
  }
  return { limit: first, offset: Number(decoded[1]) + 1 };
}

export function toPage<T>(items: T[], totalCount: number, offset: number): Page<T> {
  const edges = items.map((node, index) => ({ cursor: encodeCursor(offset + index), node }));
  return {
    edges,
    nodes: items,
    pageInfo: {
      hasNextPage: offset + items.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges.length ? edges[0].cursor : null,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    totalCount,
  };
}

// ---------------------------------------------------------------------------------------------------
// Keyset pagination (issue 11 item 5): a cursor holds the sort key of its row and the row's id, never an
// offset, so a page stays where it was when rows are inserted or deleted before it. The cursor also names
// the ordering it was made for: a cursor of another ordering (or of nothing) is refused, not misread.

/** first/after (forward) or last/before (backward); both bounds may be given. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export type KeyValue = number | string;

export interface KeysetWindow {
  size: number;
  /** true for last/before: the rows nearest `before` are read in reverse and returned in order. */
  backward: boolean;
  after: KeyValue[] | null;
  before: KeyValue[] | null;
}

function badPage(message: string, argumentName: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
}

export function encodeKeysetCursor(ordering: string, values: KeyValue[]): string {
  return Buffer.from(JSON.stringify([ordering, ...values])).toString('base64url');
}

/** The key of a cursor made for `ordering` with `arity` values (id included); BAD_USER_INPUT otherwise. */
export function decodeKeysetCursor(cursor: string, ordering: string, arity: number, argumentName: string): KeyValue[] {
  let decoded: unknown;
  try {
    decoded = cursor.length <= 2000 ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  } catch {
    decoded = null;
  }
  const valid =
    Array.isArray(decoded) &&
    decoded.length === arity + 1 &&
    decoded.slice(1).every((value) => (typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && value.length <= 1000));
  if (!valid || !Array.isArray(decoded)) throw badPage('无效的游标 (invalid cursor)', argumentName);
  if (decoded[0] !== ordering) throw badPage(`游标属于另一种排序，请用同一排序翻页 (the cursor belongs to another ordering: ${String(decoded[0]).slice(0, 40)})`, argumentName);
  return decoded.slice(1) as KeyValue[];
}

/** Checks the page arguments: one of first/last (1..100; first defaults to `defaultSize`), cursors of this ordering. */
export function keysetWindow(args: PageArgs, ordering: string, arity: number, defaultSize = 20, maxSize: number = MAX_PAGE_SIZE): KeysetWindow {
  if (args.first != null && args.last != null) throw badPage('first 与 last 只能给一个 (give first or last, not both)', 'last');
  const backward = args.last != null;
  const size = backward ? args.last! : (args.first ?? defaultSize);
  const argumentName = backward ? 'last' : 'first';
  if (!Number.isInteger(size) || size < 1 || size > maxSize) {
    throw badPage(`${argumentName} 须在 1 到 ${maxSize} 之间 (${argumentName} must be 1..${maxSize})`, argumentName);
  }
  return {
    size,
    backward,
    after: args.after ? decodeKeysetCursor(args.after, ordering, arity, 'after') : null,
    before: args.before ? decodeKeysetCursor(args.before, ordering, arity, 'before') : null,
  };
}

/** The page as a connection: rows in order, each with the cursor of its key. */
export function toKeysetPage<T>(
  rows: T[],
  { keyOf, ordering, totalCount, hasNextPage, hasPreviousPage }: { keyOf: (row: T) => KeyValue[]; ordering: string; totalCount: number; hasNextPage: boolean; hasPreviousPage: boolean },
): Page<T> {
  const edges = rows.map((node) => ({ cursor: encodeKeysetCursor(ordering, keyOf(node)), node }));
  return {
    edges,
    nodes: rows,
    pageInfo: { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
