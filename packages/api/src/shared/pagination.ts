import { Cursor, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ArgsType, Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { badInput } from './errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

@ObjectType('PageInfo')
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

/** Relay forward pagination arguments shared by every list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the `XConnection` and `XEdge` GraphQL types for a node type. */
export function ConnectionType<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor!: string;
    @Field(() => node) node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass implements Connection<T> {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => [node], { description: 'The nodes of `edges`, for clients that do not need cursors per item.' }) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'Matching items across all pages.' }) totalCount!: number;
  }
  return ConnectionClass;
}

/** Keyset (cursor) pagination through MikroORM; `orderBy` must end with a unique key (id). */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageArgs,
  orderBy: QueryOrderMap<T>[],
): Promise<Connection<T>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, { first: `Between 1 and ${MAX_PAGE_SIZE}` });
  }
  if (args.after) {
    try {
      const decoded = Cursor.decode(args.after);
      if (!Array.isArray(decoded) || decoded.length !== orderBy.length) throw new Error('shape');
    } catch {
      throw badInput('Invalid cursor: use the endCursor of a page from the same list and order', { after: 'Invalid cursor' });
    }
  }
  const cursor = await em.findByCursor(entity, where, { first, after: args.after ?? undefined, orderBy, includeCount: true } as never);
  const items = cursor.items as T[];
  return {
    edges: items.map((node) => ({ cursor: cursor.from(node as never), node })),
    nodes: items,
    pageInfo: { hasNextPage: cursor.hasNextPage, hasPreviousPage: cursor.hasPrevPage, startCursor: cursor.startCursor, endCursor: cursor.endCursor },
    totalCount: cursor.totalCount ?? 0,
  };
}

/** A case-insensitive `contains` pattern for ILIKE, with the user's % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * A case-insensitive "contains" condition over several text fields for a list's search box;
 * undefined for a blank search. Over-long search text is refused rather than sent to the database.
 */
export function textSearch<T>(search: string | null | undefined, fields: (keyof T & string)[]): FilterQuery<T> | undefined {
  const text = search?.trim();
  if (!text) return undefined;
  if (text.length > 200) throw badInput('Search text is too long', { search: 'At most 200 characters' });
  const pattern = containsPattern(text);
  return { $or: fields.map((field) => ({ [field]: { $ilike: pattern } })) } as FilterQuery<T>;
}
