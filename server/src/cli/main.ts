// The command line: pnpm cli import <file.json>... | pnpm cli export --department <name> --year <year> | pnpm cli seed
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import { withAuditScope } from '../modules/audit/audit-scope.js';
import { type Actor, bindActor } from '../modules/user/access.js';
import { isPostgres, openDatabase } from '../db/orm.js';
import { UserInputError } from '../graphql/user-error.js';
import { findDepartmentByNames } from '../modules/department/department.service.js';
import { exportPlanDocument, type ImportResult, importNewDepartmentPlans, importPlanDocument, type NewPlanImport } from '../modules/plan-document/plan-document.service.js';
import { Plan } from '../modules/plan/plan.entity.js';
import { PlanRowsWriter } from '../modules/plan-document/plan-rows.writer.js';
import type { PlanDocument } from '../domain/plan-document.js';
import { rebuildFigures } from '../modules/plan/plan-figures.store.js';
import { importPlanWorkbook, planWorkbookFile, type PlanWorkbookPreview } from '../modules/plan-workbook/plan-workbook.service.js';
import { Role, User } from '../modules/user/user.entity.js';
import { createUser, type NewUser } from '../modules/user/user.service.js';
import { CliError, prepareFile, type prepareFileSerialized, preparedImport, validateFile } from './prepare-file.js';
import type { ToWorker } from './prepare-worker.js';

const USAGE = `用法 / usage:
  pnpm cli import [--reason <原因>] <file.json>...     导入计划文件（全部成功或全部不写入）；替换已批复的计划须填写原因
                                                      / import plan documents, all or nothing; replacing an approved plan needs --reason
  pnpm cli export --department <全称或简称> --year <年度>   导出计划文件到标准输出 / export a plan document to stdout
  pnpm cli export-xlsx --department <全称或简称> --year <年度> > plan.xlsx
                                                      导出绩效目标表工作簿 / export the plan as the official forms (.xlsx)
  pnpm cli import-xlsx <file.xlsx> [--department <全称或简称> --year <年度>]
                                                      导入填好的工作簿（不写部门年度时按工作簿所写）/ import a filled workbook
  pnpm cli seed                                       导入演示数据并创建演示用户 / import the demo data, create demo users
  pnpm cli rebuild-figures [--plan <编号>]              按原文重新计算并存储识别结果、差距、汇总与勾稽检查
                                                      / recompute the stored readings, gaps, roll-ups and checks from the texts
  pnpm cli user add --username <登录名> --name <姓名> --role <PLANNER|REVIEWER|EVALUATOR|ANALYST|ADMIN>
                    [--department <全称或简称>]... (--password <密码> | --password-stdin)
                                                      新建用户 / create a user
数据库 / database: env JIXIAO_DB (default server/data/jixiao.sqlite)`;

export const DEMO_FILES = ['shifeng-2021-targets.json', 'yanfeng-2024-self-evaluation.json'].map((name) =>
  resolve(import.meta.dirname, '../../demo-data', name),
);

/** Paths are read relative to where the user typed the command (pnpm runs us in server/). */
function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/** The command line is the machine's administrator: it acts as ADMIN and is recorded as such in the audit trail. */
const COMMAND_LINE: Actor = { id: 0, name: '命令行 (CLI)', role: Role.ADMIN, departmentIds: [] };

function asCommandLine<T>(orm: MikroORM, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return withAuditScope({ userId: null, userName: COMMAND_LINE.name }, () =>
    orm.em.fork().transactional((em) => {
      bindActor(em as EntityManager, COMMAND_LINE);
      return work(em as EntityManager);
    }),
  );
}

/**
 * Documents per batch of the fast path (importNewDepartmentPlans): a few statements for them all; fewer,
 * longer multi-row INSERTs: 800 departments, 12.4–13.2 → 11.3–12.5 ms CPU of the main thread per department
 * from 10 to 50 (session 7, bench/province-import.ts BENCH_CLI=1, idle machine).
 */
const BATCH = 50;
/** Files prepared ahead of the one being written, at most: what is prepared waits in memory until written. */
const AHEAD = 2 * BATCH;
/** From this many files a command prepares them on a second thread (JIXIAO_IMPORT_WORKER=0: never; =1: always). */
const WORKER_FILES = 100;

/** A command's file, validated; `ahead`: prepared as the plan of a new department (null: the ordinary way). */
interface CommandFile {
  path: string;
  /** The validated document, when this thread has it (the worker keeps its own: the ordinary way reads the file again). */
  document: PlanDocument | null;
  ahead: NewPlanImport | null;
}

/**
 * A command's files in order, each read, validated and prepared ahead of its import. The first file that
 * cannot be read or is not a valid plan document is the command's error, as if every file had been validated
 * first: `get` throws it for that file and any after it, `validateAll` finds it after any other failure.
 */
interface CommandFiles {
  readonly paths: string[];
  /** Every file validated (none was invalid). */
  readonly complete: boolean;
  get(index: number): Promise<CommandFile>;
  /** The file is written: what was prepared of it is garbage now. */
  release(index: number): void;
  /** Validates the files not validated yet; throws the first invalid file's error. */
  validateAll(): Promise<void>;
  close(): void;
}

/** On this thread, as each file is first needed (`prepare`: false on PostgreSQL, where every file goes the ordinary way). */
class LocalFiles implements CommandFiles {
  private readonly files: (CommandFile | null)[] = [];
  private failure: CliError | null = null;

  constructor(
    readonly paths: string[],
    private readonly prepare: boolean,
  ) {}

  get complete(): boolean {
    return this.files.length === this.paths.length;
  }

  async get(index: number): Promise<CommandFile> {
    this.validate(index, this.prepare ? 'prepare' : 'document');
    return this.files[index]!;
  }

  release(index: number): void {
    this.files[index] = null;
  }

  async validateAll(): Promise<void> {
    this.validate(this.paths.length - 1, 'check');
  }

  close(): void {}

  /** `check`: the file validated, nothing kept (the command has failed). */
  private validate(index: number, keep: 'prepare' | 'document' | 'check'): void {
    while (this.files.length <= index) {
      if (this.failure) throw this.failure;
      const path = this.paths[this.files.length];
      try {
        if (keep === 'prepare') this.files.push({ path, ...prepareFile(path) });
        else {
          const document = validateFile(path);
          this.files.push(keep === 'document' ? { path, document, ahead: null } : null);
        }
      } catch (error) {
        if (error instanceof CliError) this.failure = error;
        throw error;
      }
    }
  }
}

/**
 * The preparing worker (prepare-worker.ts), started once per process and kept, unreferenced between commands
 * (it does not keep the process alive); `ready` once its modules are loaded (seconds under tsx), null where
 * it cannot start (a command then prepares its files on this thread, as it does until the worker is ready).
 */
interface Preparing {
  ready: Worker | null | undefined;
  /** Settles when `ready` does. */
  settled: Promise<unknown>;
}
let preparing: Preparing | null = null;

/** Starts the preparing worker ahead of a large import (the command line does while the database opens); true once it is ready, false where it cannot start. */
export async function startImportWorker(): Promise<boolean> {
  const state = preparingWorker();
  await state.settled;
  return state.ready != null;
}

function preparingWorker(): Preparing {
  if (preparing) return preparing;
  let settle = () => {};
  const state: Preparing = { ready: undefined, settled: new Promise<void>((resolve) => (settle = resolve)) };
  preparing = state;
  let worker: Worker;
  try {
    // Under tsx (pnpm cli) or vitest the worker is the .ts file: on Node 20 a worker does not get the loader
    // hooks of `--import tsx`, so it registers tsx's own before importing it.
    if (import.meta.url.endsWith('.ts')) {
      const file = new URL('./prepare-worker.ts', import.meta.url).href;
      const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
      worker = new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(file)}); });`, { eval: true });
    } else worker = new Worker(new URL('./prepare-worker.js', import.meta.url));
  } catch {
    state.ready = null;
    settle();
    return state;
  }
  worker.unref();
  const failed = () => {
    state.ready = null;
    settle();
  };
  worker.once('error', failed);
  worker.once('exit', failed);
  worker.once('message', () => {
    // { ready: true }: its modules are loaded.
    worker.off('error', failed);
    worker.off('exit', failed);
    // Should it exit later, the next command starts another.
    worker.once('exit', () => (preparing = null));
    state.ready = worker;
    settle();
  });
  return state;
}

type Serialized = ReturnType<typeof prepareFileSerialized>;
type FromWorker = { job: number; index: number; ahead: Serialized } | { job: number; index: number; error: string } | { job: number; index: number; fatal: string } | { job: number; validated: number };

let jobs = 0;

/**
 * On the worker, a couple of batches ahead of the import (AHEAD), while this thread writes; on this thread
 * until the worker is ready (it takes the files from there on).
 */
class WorkerFiles implements CommandFiles {
  private readonly job = ++jobs;
  private readonly files: ({ path: string; ahead: Serialized } | CommandFile | null)[] = [];
  private validated = 0;
  private failure: { index: number; error: Error } | null = null;
  private worker: Worker | null = null;
  private allowed = 0;
  private wake: (() => void) | null = null;
  private readonly onMessage = (message: FromWorker) => this.receive(message);
  private readonly onExit = () => this.fail(Number.POSITIVE_INFINITY, new Error('导入的准备线程意外退出 (the preparing thread exited)'));

  constructor(
    readonly paths: string[],
    private readonly preparing: Preparing,
  ) {}

  get complete(): boolean {
    return this.validated === this.paths.length;
  }

  async get(index: number): Promise<CommandFile> {
    if (!this.worker && this.preparing.ready && !this.failure && this.files.length < this.paths.length) this.start(this.preparing.ready);
    if (this.worker && index + AHEAD > this.allowed) {
      this.allowed = index + AHEAD;
      this.send({ type: 'allow', job: this.job, allowed: this.allowed });
    }
    while (this.files.length <= index) {
      if (this.failure && this.failure.index <= index) throw this.failure.error;
      if (!this.worker) this.prepareHere();
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
    const file = this.files[index]!;
    if ('document' in file) return file;
    return { path: file.path, document: null, ahead: file.ahead && preparedImport(file.ahead) };
  }

  release(index: number): void {
    this.files[index] = null;
  }

  async validateAll(): Promise<void> {
    if (this.worker && !this.complete && !this.failure) this.send({ type: 'validate', job: this.job });
    while (!this.complete) {
      if (this.failure) throw this.failure.error;
      if (this.worker) await new Promise<void>((resolve) => (this.wake = resolve));
      else {
        const index = this.files.length;
        try {
          validateFile(this.paths[index]);
        } catch (error) {
          if (error instanceof CliError) this.fail(index, error);
          throw error;
        }
        this.files.push(null);
        this.validated = this.files.length;
      }
    }
  }

  close(): void {
    if (!this.worker) return;
    this.send({ type: 'end', job: this.job });
    this.worker.off('message', this.onMessage);
    this.worker.off('error', this.onExit);
    this.worker.off('exit', this.onExit);
    this.worker.unref();
  }

  /** The worker takes the files from the first not prepared here. */
  private start(worker: Worker): void {
    this.worker = worker;
    worker.ref();
    worker.on('message', this.onMessage);
    worker.on('error', this.onExit);
    worker.on('exit', this.onExit);
    this.allowed = this.files.length + AHEAD;
    this.send({ type: 'job', job: this.job, paths: this.paths, from: this.files.length, allowed: this.allowed });
  }

  private prepareHere(): void {
    const index = this.files.length;
    const path = this.paths[index];
    try {
      this.files.push({ path, ...prepareFile(path) });
    } catch (error) {
      if (error instanceof CliError) this.fail(index, error);
      throw error;
    }
    this.validated = this.files.length;
  }

  private send(message: ToWorker): void {
    this.worker!.postMessage(message);
  }

  private receive(message: FromWorker): void {
    if (message.job !== this.job) return;
    if ('validated' in message) this.validated = message.validated;
    else if ('ahead' in message) {
      this.files[message.index] = { path: this.paths[message.index], ahead: message.ahead };
      this.validated = Math.max(this.validated, message.index + 1);
    } else if ('error' in message) this.fail(message.index, new CliError(message.error));
    else this.fail(message.index, new Error(`导入的准备线程出错 (the preparing thread failed): ${message.fatal}`));
    this.wake?.();
    this.wake = null;
  }

  private fail(index: number, error: Error): void {
    this.failure ??= { index: Math.min(index, this.files.length), error };
    this.wake?.();
    this.wake = null;
  }
}

function commandFiles(orm: MikroORM, paths: string[]): CommandFiles {
  if (isPostgres(orm)) return new LocalFiles(paths, false);
  const setting = process.env.JIXIAO_IMPORT_WORKER;
  if (setting === '0' || (setting !== '1' && paths.length < WORKER_FILES)) return new LocalFiles(paths, true);
  const worker = preparingWorker();
  return worker.ready === null ? new LocalFiles(paths, true) : new WorkerFiles(paths, worker);
}

/**
 * Imports the files in one transaction, all or nothing; `reason` goes with each import's audit entry. A file
 * that cannot be read or is not a valid plan document fails the command before anything else can, and then
 * nothing is written and nothing logged (the files are validated as the import goes, the lines held back
 * until every file has been).
 */
export async function importFiles(orm: MikroORM, paths: string[], log: (line: string) => void, reason: string | null = null): Promise<void> {
  if (!paths.length) throw new CliError(`缺少文件 (no files given)\n${USAGE}`);
  const files = commandFiles(orm, paths);
  // The lines of the imports so far, held back until every file is known to be valid.
  const lines: string[] = [];
  const flush = () => lines.splice(0).forEach((line) => log(line));
  const hold = (line: string) => {
    lines.push(line);
    if (files.complete) flush();
  };
  try {
    await asCommandLine(orm, async (em) => {
      // The rows' INSERTs are prepared once for the whole command.
      const writer = new PlanRowsWriter(em);
      try {
        await importDocuments(em, files, writer, hold, reason);
      } finally {
        await writer.close();
      }
    });
  } catch (error) {
    // An invalid file comes first, whatever failed before it was reached.
    await files.validateAll();
    flush();
    throw error;
  } finally {
    files.close();
  }
  flush();
  // A large import leaves its pages in SQLite's write-ahead log until a checkpoint: fold them into the
  // database file now and truncate the log (the file is the database's true size afterwards).
  if (!isPostgres(orm)) await orm.em.getConnection().execute('pragma wal_checkpoint(truncate)');
}

/**
 * The files' documents in order: those of new departments a batch at a time (importNewDepartmentPlans), any
 * other the ordinary way (importPlanDocument). What goes in a batch was prepared ahead (read, validated, its
 * rows, figures and check counts computed: prepareNewPlanImport); from WORKER_FILES files a command, on the
 * worker thread while this one writes (better-sqlite3 writes on this thread), so this thread mostly writes.
 * The worker hands over each import serialized (a byte copy, ≈ 70 kB), turned back into objects here only
 * when its batch is written; the check counts are counted there after serializing, on the rows in place.
 * 800 departments (bench/province-import.ts BENCH_CLI=1, 200 files a command, under nice, back to back,
 * session 8): 12.8–13.1 ms wall per department before (main thread 11.8–12.0 ms CPU, process 16.5–16.9) →
 * 9.7–10.6 ms (main thread 5.1–5.8, worker 7.2, process 15.7–16.8) with the worker loaded ahead, 11.8 ms
 * when the first command starts it (its modules take ≈ 2.5 s under tsx; the main thread prepares meanwhile).
 */
async function importDocuments(em: EntityManager, files: CommandFiles, writer: PlanRowsWriter, log: (line: string) => void, reason: string | null): Promise<void> {
  const logImport = ({ plan, created }: ImportResult, path: string) => log(`${created ? '新建 created' : '替换 replaced'}  ${plan.department.name} ${plan.year} 年度 (plan ${plan.id}) ← ${path}`);
  const count = files.paths.length;
  let index = 0;
  while (index < count) {
    // The documents of new departments go in a batch at a time; the first of any other kind, the ordinary way.
    const run: NewPlanImport[] = [];
    for (let at = index; at < count && run.length < BATCH; at++) {
      const { ahead } = await files.get(at);
      if (!ahead) break;
      run.push(ahead);
    }
    const batch = await importNewDepartmentPlans(em, writer, run, reason);
    if (batch.length) {
      for (const result of batch) {
        files.release(index);
        logImport(result, files.paths[index++]);
      }
      continue;
    }
    const { path, document } = await files.get(index);
    let result;
    try {
      result = await importPlanDocument(em, document ?? validateFile(path), 'IMPORT', { reason, validated: true, writer });
    } catch (error) {
      if (error instanceof UserInputError) throw new CliError(`${path}：${error.errors.map((problem) => `${problem.message} [${problem.code}]`).join('；')}\n未写入任何数据 (nothing was written)`);
      throw error;
    }
    logImport(result, path);
    files.release(index++);
    // One transaction for all files, but not one unit of work: every flush would go over every plan
    // and department imported so far (a province is 4,800 files). What is written stays written.
    em.clear();
  }
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function planFromArgs(orm: MikroORM, args: string[]): Promise<Plan> {
  const name = option(args, '--department');
  const year = Number(option(args, '--year'));
  if (!name || !Number.isInteger(year)) throw new CliError(`需要 --department 和 --year (both --department and --year are required)\n${USAGE}`);
  const em = orm.em.fork();
  const department = await findDepartmentByNames(em as never, [name]);
  if (!department) throw new CliError(`找不到部门「${name}」(no department by that full or short name)`);
  const plan = await em.findOne(Plan, { department, year });
  if (!plan) throw new CliError(`${department.name} 没有 ${year} 年度计划 (no plan for that year)`);
  return plan;
}

export async function exportPlan(orm: MikroORM, args: string[]): Promise<string> {
  const plan = await planFromArgs(orm, args);
  return `${JSON.stringify(await exportPlanDocument(orm.em.fork() as never, plan.id), null, 2)}\n`;
}

export async function exportXlsx(orm: MikroORM, args: string[]): Promise<Buffer> {
  const plan = await planFromArgs(orm, args);
  return (await planWorkbookFile(orm.em.fork() as never, plan.id)).buffer;
}

/** Imports a filled workbook (the plan named, or the one the workbook names); all or nothing. */
export async function importXlsx(orm: MikroORM, args: string[], log: (line: string) => void): Promise<void> {
  const path = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
  if (!path) throw new CliError(`缺少文件 (no file given)\n${USAGE}`);
  let file: string;
  try {
    file = readFileSync(userPath(path)).toString('base64');
  } catch (error) {
    throw new CliError(`无法读取文件 ${path}：${(error as NodeJS.ErrnoException).code ?? String(error)} (cannot read the file)`);
  }
  const year = option(args, '--year');
  const target = { department: option(args, '--department') ?? null, year: year ? Number(year) : null };
  const where = (at: { sheet: string | null; row: number | null; column: string | null }) => [at.sheet, at.row && `第 ${at.row} 行`, at.column && `${at.column} 列`].filter(Boolean).join(' ');
  try {
    const preview = await asCommandLine(orm, (em) => importPlanWorkbook(em, target, file, null));
    log(`导入 imported ${path} → plan ${preview.plan!.id}：${preview.changes.length} 处变更 (changes)`);
    for (const change of preview.changes) log(`  ${change.kind} ${change.location} · ${change.name}${change.field ? ` · ${change.field}` : ''}: ${change.before ?? '—'} → ${change.after ?? '—'}`);
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    const preview = error.current as PlanWorkbookPreview | null;
    const lines = preview?.problems.length ? preview.problems.map((problem) => `  - ${where(problem) || '文件'}: ${problem.message} [${problem.code}]`) : error.errors.map((problem) => `  - ${problem.message} [${problem.code}]`);
    throw new CliError(`${path} 未导入任何数据 (nothing was imported):\n${lines.join('\n')}`);
  }
}

function options(args: string[], name: string): string[] {
  return args.flatMap((arg, index) => (arg === name && args[index + 1] !== undefined ? [args[index + 1]] : []));
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export async function addUser(orm: MikroORM, args: string[], log: (line: string) => void): Promise<void> {
  const username = option(args, '--username');
  const displayName = option(args, '--name') ?? username;
  const role = option(args, '--role') as Role | undefined;
  const password = args.includes('--password-stdin') ? await readStdin() : option(args, '--password');
  if (!username || !role || !password) throw new CliError(`需要 --username、--role 和密码 (--username, --role and a password are required)\n${USAGE}`);
  try {
    await asCommandLine(orm, (em) => createUser(em, { username, displayName: displayName!, password, role, departments: options(args, '--department') }));
  } catch (error) {
    if (error instanceof UserInputError) throw new CliError(error.errors.map((problem) => `${problem.field.at(-1)}: ${problem.message}`).join('\n'));
    throw error;
  }
  log(`新建用户 created user ${username} (${role})`);
}

/** Demo accounts, one per role, so the demo can be tried from every side. Created once, never overwritten. */
export const DEMO_PASSWORD = 'jixiao-demo';
const DEMO_USERS: NewUser[] = [
  { username: 'admin', displayName: '系统管理员', role: Role.ADMIN, password: DEMO_PASSWORD, departments: [] },
  { username: 'planner.shifeng', displayName: '石峰编报员', role: Role.PLANNER, password: DEMO_PASSWORD, departments: ['石峰区委宣传部'] },
  { username: 'planner.yanfeng', displayName: '雁峰编报员', role: Role.PLANNER, password: DEMO_PASSWORD, departments: ['雁峰区委宣传部'] },
  { username: 'reviewer', displayName: '财政审核员', role: Role.REVIEWER, password: DEMO_PASSWORD, departments: ['石峰区委宣传部', '雁峰区委宣传部'] },
  { username: 'evaluator', displayName: '评价人员', role: Role.EVALUATOR, password: DEMO_PASSWORD, departments: ['石峰区委宣传部', '雁峰区委宣传部'] },
  { username: 'analyst', displayName: '分析人员', role: Role.ANALYST, password: DEMO_PASSWORD, departments: [] },
];

async function seedUsers(orm: MikroORM, log: (line: string) => void): Promise<void> {
  const em = orm.em.fork();
  for (const user of DEMO_USERS) {
    if (!(await em.findOne(User, { username: user.username }))) await asCommandLine(orm, (tx) => createUser(tx, user));
  }
  log(`演示用户 demo users (密码 password: ${DEMO_PASSWORD}): ${DEMO_USERS.map((user) => `${user.username} ${user.role}`).join(' · ')}`);
}

/** `rebuild-figures [--plan ID]`: every plan's stored figures (or one plan's) recomputed from the texts. */
export async function rebuildFiguresCommand(orm: MikroORM, args: string[], log: (line: string) => void): Promise<void> {
  const plan = option(args, '--plan');
  if (args.includes('--plan') && !/^[1-9][0-9]*$/.test(plan ?? '')) throw new CliError(`--plan 需要计划编号 (--plan needs a plan id)\n${USAGE}`);
  const em = orm.em.fork() as EntityManager;
  if (plan && !(await em.findOne(Plan, { id: Number(plan) }))) throw new CliError(`计划不存在：${plan} (no such plan)`);
  const count = await rebuildFigures(em, plan ? [Number(plan)] : undefined, (id) => log(`重新计算 rebuilt  plan ${id}`));
  log(`共 ${count} 个计划 (${count} plans)`);
}

export async function runCli(args: string[], log: (line: string) => void = console.log): Promise<void> {
  const [command, ...rest] = args;
  const userAdd = command === 'user' && rest[0] === 'add';
  if (!['import', 'export', 'seed', 'export-xlsx', 'import-xlsx', 'rebuild-figures'].includes(command) && !userAdd) throw new CliError(USAGE);
  // The preparing worker loads its modules (seconds under tsx) while the database opens.
  if (command === 'import' && rest.length >= WORKER_FILES && process.env.JIXIAO_IMPORT_WORKER !== '0') preparingWorker();
  const orm = await openDatabase();
  try {
    if (command === 'import') {
      const reason = option(rest, '--reason');
      if (rest.includes('--reason') && !reason?.trim()) throw new CliError(`--reason 需要原因文字 (--reason needs a text)\n${USAGE}`);
      const paths = rest.filter((arg, index) => arg !== '--reason' && rest[index - 1] !== '--reason');
      await importFiles(orm, paths.map(userPath), log, reason ?? null);
    } else if (command === 'seed') {
      // Running the demo again replaces its plans, whatever their status by then.
      await importFiles(orm, DEMO_FILES, log, '载入演示数据 (loading the demo data)');
      await seedUsers(orm, log);
    } else if (userAdd) await addUser(orm, rest.slice(1), log);
    else if (command === 'rebuild-figures') await rebuildFiguresCommand(orm, rest, log);
    else if (command === 'export-xlsx') process.stdout.write(await exportXlsx(orm, rest));
    else if (command === 'import-xlsx') await importXlsx(orm, rest, log);
    else process.stdout.write(await exportPlan(orm, rest));
  } finally {
    await orm.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    await runCli(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
