/**
 * `graphql(...)`: how every document of the client is written, beside its feature (*.graphql.ts) or, for
 * the fragments several features share, in ./fragments.ts. GraphQL Code Generator (client/codegen.ts)
 * reads these calls and generates, per document, its result and variables types: the signature below is
 * the generated one, so `useQuery(PLAN)` and `mutate(UPDATE_INDICATOR, …)` are typed end to end.
 *
 * At run time the document is the text written here, parsed once, with the fragments it spreads
 * appended (each fragment is written once, in its own `graphql(...)` call, and found by name) — the
 * generated module is never imported at run time, so no document travels twice in the bundle.
 */
import { gql } from '@apollo/client';
import type { DefinitionNode, DocumentNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql';
import type { graphql as generated } from './generated/gql';

const fragments = new Map<string, FragmentDefinitionNode>();

function spreads(selectionSet: SelectionSetNode | undefined, into: Set<string>): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === 'FragmentSpread') into.add(selection.name.value);
    else spreads(selection.selectionSet, into);
  }
}

/** The definitions of `own` plus every fragment they spread (transitively) that `own` does not define. */
function withFragments(own: readonly DefinitionNode[]): DefinitionNode[] {
  const defined = new Set(own.flatMap((d) => (d.kind === 'FragmentDefinition' ? [d.name.value] : [])));
  const needed = new Set<string>();
  for (const definition of own) if ('selectionSet' in definition) spreads(definition.selectionSet, needed);
  const added: FragmentDefinitionNode[] = [];
  for (const name of needed) {
    if (defined.has(name)) continue;
    const fragment = fragments.get(name);
    if (!fragment) throw new Error(`GraphQL fragment ${name} is not defined: import the module that defines it`);
    defined.add(name);
    added.push(fragment);
    spreads(fragment.selectionSet, needed);
  }
  return [...own, ...added];
}

function document(source: string): DocumentNode {
  const parsed = gql(source);
  for (const definition of parsed.definitions) if (definition.kind === 'FragmentDefinition') fragments.set(definition.name.value, definition);
  // Fragments may be defined in modules loaded later: they are looked up when the document is first used.
  let definitions: DefinitionNode[] | undefined;
  return {
    kind: parsed.kind,
    get definitions() {
      return (definitions ??= withFragments(parsed.definitions));
    },
  };
}

export const graphql = document as unknown as typeof generated;
