import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * The fields a resolver's result is asked for, as paths (`budget`, `budget.planCount` at depth 2), through
 * fragments and inline fragments (`@skip`/`@include` are ignored, so a field is never missed). Lets a
 * resolver that sums in SQL run only the queries the selection needs.
 */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, depth = 1): Set<string> {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined, prefix: string, level: number, seen: ReadonlySet<string>) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const path = prefix + selection.name.value;
        names.add(path);
        if (level < depth) visit(selection.selectionSet, `${path}.`, level + 1, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, prefix, level, seen);
      else if (!seen.has(selection.name.value)) visit(info.fragments[selection.name.value]?.selectionSet, prefix, level, new Set([...seen, selection.name.value]));
    }
  };
  for (const node of info.fieldNodes as readonly FieldNode[]) visit(node.selectionSet, '', 1, new Set());
  return names;
}
