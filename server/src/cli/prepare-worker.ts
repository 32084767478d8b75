// The CLI import's second thread (issue 12): reads, validates and prepares a command's files in order
// (prepare-file.ts) while the main thread writes the ones before them to SQLite (better-sqlite3 writes on the
// main thread). Protocol (cli/main.ts, WorkerFiles): a `job` gives the paths and the first to prepare; `allow` how many of them may be
// prepared so far (the main thread keeps it a couple of batches ahead of what it writes); `validate`: check
// the rest without preparing them (the command failed: only the first invalid file matters now); `end`.
// Answers, in file order: `{ job, index, ahead }` (prepareFileSerialized; null: valid, to be imported the ordinary way),
// `{ job, index, error }` at the first file that cannot be read or is invalid (the job stops there),
// `{ job, validated }` once every file is valid, `{ job, index, fatal }` on an unexpected error.
import 'reflect-metadata';
import { parentPort } from 'node:worker_threads';
import { CliError, prepareFileSerialized, validateFile } from './prepare-file.js';

export type ToWorker = { type: 'job'; job: number; paths: string[]; from: number; allowed: number } | { type: 'allow'; job: number; allowed: number } | { type: 'validate'; job: number } | { type: 'end'; job: number };

interface Job {
  id: number;
  paths: string[];
  next: number;
  allowed: number;
  validateOnly: boolean;
}

const port = parentPort!;
let job: Job | null = null;
let scheduled = false;

function schedule(): void {
  if (scheduled || !job || job.next >= (job.validateOnly ? job.paths.length : job.allowed)) return;
  scheduled = true;
  // One file per turn of the event loop: the main thread's messages (allow, end) are seen between files.
  setImmediate(step);
}

function step(): void {
  scheduled = false;
  const current = job;
  if (!current || current.next >= (current.validateOnly ? current.paths.length : current.allowed)) return;
  const index = current.next++;
  const path = current.paths[index];
  try {
    if (current.validateOnly) validateFile(path);
    else port.postMessage({ job: current.id, index, ahead: prepareFileSerialized(path) });
  } catch (error) {
    job = null;
    if (error instanceof CliError) port.postMessage({ job: current.id, index, error: error.message });
    else port.postMessage({ job: current.id, index, fatal: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return;
  }
  if (current.next === current.paths.length) port.postMessage({ job: current.id, validated: current.paths.length });
  schedule();
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'job') job = { id: message.job, paths: message.paths, next: message.from, allowed: message.allowed, validateOnly: false };
  else if (job?.id !== message.job) return;
  else if (message.type === 'allow') job.allowed = Math.max(job.allowed, message.allowed);
  else if (message.type === 'validate') job.validateOnly = true;
  else job = null;
  schedule();
});
port.postMessage({ ready: true });
