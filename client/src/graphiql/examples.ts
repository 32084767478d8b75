import analystGuide from '../../../docs/ANALYST.md?raw';

/**
 * The analysts' saved questions: every ```graphql block of docs/ANALYST.md, one GraphiQL tab each, so the
 * page and the guide (whose every block a test runs against the demo data) never tell different stories.
 * The guide is bundled whole: it must name no absolute URL (the page loads nothing from another host).
 */
export function graphqlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```graphql\r?\n([\s\S]*?)^```/gm)].map((match) => match[1].trimEnd() + '\n');
}

export const EXAMPLE_QUERIES: string[] = graphqlBlocks(analystGuide);
