// The province bench's GraphQL documents, one copy for every bench that measures the same reads
// (province-bench.ts, read-vs-raw.ts, http-read.ts): a figure compared across them is the same query.

export const INDICATOR_FIELDS = 'id position level1 level1Label level2 level2Label name targetText actualText weight score deduction remark evidence version';
export const LINE_ITEM_FIELDS = 'id parentId position name kind amounts { initial fullYear actual } period periodGoal annualGoal use version';

/** A whole plan's texts and tree, as raw-server.ts's /plan reads them. */
export const WHOLE_PLAN_TEXTS = `query($id: ID!) { plan(id: $id) { id year status version department { name region }
    budget { lines { id category name position amounts { initial adjustment fullYear actual carryover } } }
    indicators { ${INDICATOR_FIELDS} }
    lineItems { ${LINE_ITEM_FIELDS} indicators { ${INDICATOR_FIELDS} } children { ${LINE_ITEM_FIELDS} indicators { ${INDICATOR_FIELDS} } } } } }`;

/** A whole plan as the editor reads it: with readings, gaps, roll-ups and checks. */
export const WHOLE_PLAN_EDITOR = `query($id: ID!) { plan(id: $id) { id rollup { scoreTotal grade statusCounts { status count } } checks { code message }
    indicators { id name targetText actualText target { display } actual { display } gap { status suggestedScore explanation } }
    lineItems { id name rollup { scoreTotal } children { id name rollup { scoreTotal } indicators { id name targetText actualText target { display } actual { display } gap { status suggestedScore explanation } } } } } }`;

/** Budget sums by region. */
export const REGION_QUERY = 'query { planStats(groupBy: [REGION]) { region planCount budget { category initial fullYear actual } } }';

/** The single-indicator write of the load. */
export const ACTUAL = 'mutation($id: ID!, $a: String) { recordIndicatorActual(id: $id, actual: $a) { indicator { id version gap { status } } userErrors { code message } } }';
