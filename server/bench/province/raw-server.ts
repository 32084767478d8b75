// The baseline: a minimal raw-SQL endpoint over the same SQLite file, node:http + the driver the app uses
// (better-sqlite3, its statements kept prepared by text), hand-written SQL, JSON out. No ORM, no GraphQL, no access rules, no audit trail. Where a
// figure needs the gap (NOT_MET), it calls the same domain functions as the app.
//   JIXIAO_DB=<file> PORT=<port> tsx bench/province/raw-server.ts
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { budgetFigures, indicatorGap, readIndicator } from '../../src/modules/indicator/indicator-reading.js';
import type { Indicator } from '../../src/modules/indicator/indicator.entity.js';
import { openRaw } from './generate.js';

const db = await openRaw(process.env.JIXIAO_DB!);
const prepared = new Map<string, ReturnType<typeof db.prepare>>();
const statement = (sql: string) => {
  let kept = prepared.get(sql);
  if (!kept) prepared.set(sql, (kept = db.prepare(sql)));
  return kept;
};
const all = async (sql: string, params: unknown[] = []): Promise<any[]> => statement(sql).all(params);
const exec = async (sql: string, params: unknown[] = []): Promise<number> => statement(sql).run(params).changes;
db.exec('pragma journal_mode = wal'); // and better-sqlite3's busy timeout: 5 s

const decimal = (micros: number | null) => (micros == null ? null : String(micros / 1_000_000));
const INDICATOR_COLUMNS =
  'id, plan_id, line_item_id, position, level1, level1_label, level2, level2_label, name, target_text, actual_text, weight, score, deduction, remark, evidence, version, target_comparator, target_value, target_upper, target_unit, target_direction';

/** A row in the shape the domain reads (the entity's property names). */
function asIndicator(row: any): Indicator {
  return {
    id: row.id,
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    targetText: row.target_text,
    actualText: row.actual_text,
    weight: decimal(row.weight),
    targetComparator: row.target_comparator,
    targetValue: row.target_value,
    targetUpper: row.target_upper,
    targetUnit: row.target_unit,
    targetDirection: row.target_direction,
  } as unknown as Indicator;
}

async function wholePlan(id: number) {
  const [plan] = await all('select p.*, d.name as department_name, d.region from plan p join department d on d.id = p.department_id where p.id = ?', [id]);
  if (!plan) return null;
  const [lineItems, indicators, budget] = await Promise.all([
    all('select id, parent_id, position, name, kind, amount_initial, amount_full_year, amount_actual, period, period_goal, annual_goal, use, version from line_item where plan_id = ? order by position', [id]),
    all(`select ${INDICATOR_COLUMNS} from indicator where plan_id = ? order by position`, [id]),
    all('select id, category, name, position, initial, adjustment, full_year, actual, carryover from budget_line where plan_id = ? order by position', [id]),
  ]);
  return { plan, budget, lineItems, indicators };
}

/** The first `first` NOT_MET indicators of the province, plans by id, indicators by position. */
async function notMet(first: number) {
  const found: unknown[] = [];
  for (let after = 0; found.length < first; ) {
    const plans = await all("select p.id, b.full_year, b.actual from plan p left join budget_line b on b.plan_id = p.id and b.category = 'TOTAL' where p.id > ? order by p.id limit 50", [after]);
    if (!plans.length) break;
    after = plans[plans.length - 1].id;
    const rows = await all(`select ${INDICATOR_COLUMNS} from indicator where plan_id in (${plans.map(() => '?').join(',')}) order by plan_id, line_item_id is not null, position`, plans.map((plan) => plan.id));
    const budgets = new Map(plans.map((plan) => [plan.id, budgetFigures({ fullYear: decimal(plan.full_year), actual: decimal(plan.actual) })]));
    for (const row of rows) {
      const indicator = asIndicator(row);
      const gap = indicatorGap(indicator, readIndicator(indicator), budgets.get(row.plan_id)!);
      if (gap.status === 'NOT_MET') found.push({ id: row.id, planId: row.plan_id, name: row.name, targetText: row.target_text, actualText: row.actual_text, status: gap.status });
      if (found.length === first) break;
    }
  }
  return found;
}

/** What planStats(groupBy: [REGION]) { region planCount budget { category initial fullYear actual } } answers: each region's plan count and its budget sums per category. */
async function regions() {
  const [plans, budget] = await Promise.all([
    all('select d.region as region, count(*) as plans from plan p join department d on d.id = p.department_id group by d.region order by d.region'),
    all(
      `select d.region as region, b.category as category, sum(b.initial) as initial, sum(b.full_year) as full_year, sum(b.actual) as actual
       from budget_line b join plan p on p.id = b.plan_id join department d on d.id = p.department_id
       group by d.region, b.category order by d.region, b.category`,
    ),
  ]);
  const byRegion = new Map(plans.map((row) => [row.region, { region: row.region, plans: row.plans, budget: [] as unknown[] }]));
  for (const row of budget) byRegion.get(row.region)?.budget.push({ category: row.category, initial: decimal(row.initial), fullYear: decimal(row.full_year), actual: decimal(row.actual) });
  return [...byRegion.values()];
}

function body(request: IncomingMessage): Promise<any> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch (error) {
        reject(error);
      }
    });
  });
}

function send(response: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

const server = createServer(async (request, response) => {
  try {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'GET' && url.pathname === '/plan') {
      const plan = await wholePlan(Number(url.searchParams.get('id')));
      return send(response, plan ? 200 : 404, plan);
    }
    if (request.method === 'GET' && url.pathname === '/not-met') return send(response, 200, await notMet(Math.min(100, Number(url.searchParams.get('first') ?? 50))));
    if (request.method === 'GET' && url.pathname === '/regions') return send(response, 200, await regions());
    if (request.method === 'POST' && url.pathname === '/actual') {
      const { id, actual } = await body(request);
      const changes = await exec('update indicator set actual_text = ?, version = version + 1 where id = ?', [actual, id]);
      return send(response, changes ? 200 : 404, { id, actual });
    }
    if (url.pathname === '/healthz') return send(response, 200, { ok: true });
    send(response, 404, { error: 'not found' });
  } catch (error) {
    send(response, 500, { error: String(error) });
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`raw server ready on ${process.env.PORT}`));
const stop = () =>
  server.close(() => {
    db.close();
    process.exit(0);
  });
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
