import { GraphQLError } from 'graphql';
import { type ClassType, Field, Int, ObjectType } from 'type-graphql';

export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: '分页信息 / page info' })
export class PageInfo {
  @Field(() => Boolean, { description: '是否还有下一页 / whether more items follow' })
  hasNextPage!: boolean;

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
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    totalCount,
  };
}
