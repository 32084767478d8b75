import { Kind, visit, type DocumentNode, type FragmentDefinitionNode } from 'graphql';

/**
 * Fields marked `@reading` need the server's value-reading API. With it, the directive is removed;
 * without it, the fields go, and so do the fragments nothing uses any more.
 */
export function applyReading(document: DocumentNode, serverHasReading: boolean): DocumentNode {
  const stripped = visit(document, {
    Field(node) {
      const marked = node.directives?.some((d) => d.name.value === 'reading');
      if (!marked) return undefined;
      if (!serverHasReading) return null;
      return { ...node, directives: node.directives?.filter((d) => d.name.value !== 'reading') };
    },
  });
  return serverHasReading ? stripped : dropUnusedFragments(stripped);
}

function dropUnusedFragments(document: DocumentNode): DocumentNode {
  let current = document;
  for (;;) {
    const used = new Set<string>();
    for (const definition of current.definitions) {
      visit(definition, {
        FragmentSpread(node) {
          used.add(node.name.value);
        },
      });
    }
    const kept = current.definitions.filter(
      (d) => d.kind !== Kind.FRAGMENT_DEFINITION || used.has((d as FragmentDefinitionNode).name.value),
    );
    if (kept.length === current.definitions.length) return current;
    current = { ...current, definitions: kept };
  }
}
