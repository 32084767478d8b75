import { useEffect, useRef, useState, type ChangeEvent, type MouseEvent } from 'react';
import { useApolloClient } from '@apollo/client/react';
import type { PlanAction, PlanStatus } from '../../graphql/fragments';
import { t } from '../../i18n/zh-CN';
import { chineseOnly } from '../../app/text';
import { browserTransport, type WorkbookTransport } from './transport';
import { IMPORT_PLAN_WORKBOOK, PREVIEW_PLAN_WORKBOOK, type WorkbookChange, type WorkbookPreview } from './workbook.graphql';

/** The server's limit (plan-workbook.service.ts MAX_WORKBOOK_BYTES): refused here before any upload. */
const MAX_BYTES = 2 * 1024 * 1024;
/** Rows of a preview rendered at once: a whole province's workbook must not freeze the page. */
const SHOWN_CHANGES = 300;
/** Past 批复, replacing a plan by an import needs a reason (REASON_REQUIRED). */
const NEEDS_REASON = new Set<PlanStatus>(['APPROVED', 'EVALUATING', 'CLOSED']);

export type WorkbookStage = 'idle' | 'reading' | 'uploading' | 'parsing' | 'preview' | 'importing' | 'done';

interface PlanRef {
  id: string;
  version: number;
  status: PlanStatus;
  allowedActions?: PlanAction[] | null;
}

/**
 * 导出Excel (a link to /export/plans/:id.xlsx, fetched with the session cookie while 导出中 shows its
 * progress, then saved; without script the link itself downloads) and 导入Excel: choose a file → 上传中 (upload progress) → 解析中 → 预览 of every change
 * (before/after, the server's reading, problems at sheet/row/column) → 确认导入, with a reason past 批复.
 */
export function WorkbookActions({ plan, transport = browserTransport }: { plan: PlanRef; transport?: WorkbookTransport }) {
  const allowed = new Set(plan.allowedActions ?? []);
  const canImport = allowed.has('EDIT_DRAFT') || allowed.has('IMPORT');
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [session, setSession] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [exporting, setExporting] = useState<number | null | false>(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const exportUrl = `/export/plans/${encodeURIComponent(plan.id)}.xlsx`;

  /** 导出Excel with its progress (导出中 45%); the file is then saved as the link would have. */
  async function exportWorkbook(event: MouseEvent<HTMLAnchorElement>): Promise<void> {
    event.preventDefault();
    if (exporting !== false) return;
    setExportError(null);
    setExporting(0);
    try {
      const { blob, filename } = await transport.download(exportUrl, (fraction) => setExporting(fraction));
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename ?? `plan-${plan.id}.xlsx`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) {
      setExportError(caught instanceof Error && caught.message !== 'network' ? chineseOnly(caught.message) : t.workbook.failed);
    } finally {
      setExporting(false);
    }
  }

  function choose(event: ChangeEvent<HTMLInputElement>): void {
    const chosen = event.target.files?.[0] ?? null;
    event.target.value = '';
    if (!chosen) return;
    setFile(chosen);
    setSession((n) => n + 1);
    setOpen(true);
  }

  return (
    <span className="workbook-actions">
      <a className="btn small" href={exportUrl} download title={t.workbook.exportTitle} data-export-xlsx="" aria-busy={exporting !== false} onClick={(event) => void exportWorkbook(event)}>
        {t.workbook.export}
      </a>
      {exporting !== false && (
        <span className="muted" role="status" data-exporting="">
          {t.workbook.exporting}
          {exporting != null ? ` ${Math.round(exporting * 100)}%` : '…'}
        </span>
      )}
      {exportError && <span className="field-error" role="alert">{exportError}</span>}
      {canImport && (
        <>
          <button type="button" className="btn small" title={t.workbook.importTitle} onClick={() => input.current?.click()}>
            {t.workbook.import}
          </button>
          <input
            ref={input}
            type="file"
            hidden
            aria-label={t.workbook.chooseFile}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={choose}
            data-import-xlsx=""
          />
        </>
      )}
      {open && file && <ImportDialog key={session} plan={plan} file={file} transport={transport} onClose={() => setOpen(false)} />}
    </span>
  );
}

function ImportDialog({ plan, file, transport, onClose }: { plan: PlanRef; file: File; transport: WorkbookTransport; onClose: () => void }) {
  const client = useApolloClient();
  const [stage, setStage] = useState<WorkbookStage>('reading');
  const [fraction, setFraction] = useState<number | null>(0);
  const [data, setData] = useState<string | null>(null);
  const [preview, setPreview] = useState<WorkbookPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [needsReason, setNeedsReason] = useState(NEEDS_REASON.has(plan.status));
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  // Results arriving after the dialog closed are dropped (the file may be large, the user may give up).
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    void (async () => {
      if (!/\.xlsx$/i.test(file.name)) return fail(t.workbook.notXlsx);
      if (file.size > MAX_BYTES) return fail(t.workbook.tooLarge);
      try {
        const read = await transport.read(file, (f) => alive.current && setFraction(f));
        if (!alive.current) return;
        setData(read);
        setStage('uploading');
        setFraction(0);
        const reply = await transport.send(PREVIEW_PLAN_WORKBOOK, { planId: plan.id, file: read }, (f) => {
          if (!alive.current) return;
          setFraction(f);
          // Uploaded: the server now reads the workbook.
          if (f === 1) setStage('parsing');
        });
        if (!alive.current) return;
        const result = reply.data?.previewPlanWorkbook;
        if (!result) return fail(reply.errors?.map((e) => chineseOnly(e.message)).join('；') || t.workbook.failed);
        setPreview(result);
        if (result.plan && NEEDS_REASON.has(result.plan.status)) setNeedsReason(true);
        setStage('preview');
      } catch {
        fail(t.workbook.failed);
      }
    })();
    // One run per dialog: the dialog is keyed by the chosen file.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function fail(message: string): void {
    if (!alive.current) return;
    setError(message);
    setStage('idle');
  }

  async function confirm(): Promise<void> {
    if (!data || !preview) return;
    if (needsReason && !reason.trim()) return setReasonError(t.workbook.reasonRequired);
    setReasonError(null);
    setError(null);
    setStage('importing');
    setFraction(0);
    try {
      const reply = await transport.send(
        IMPORT_PLAN_WORKBOOK,
        { planId: plan.id, file: data, expectedVersion: preview.plan?.version ?? plan.version, reason: reason.trim() || null },
        (f) => alive.current && setFraction(f),
      );
      if (!alive.current) return;
      const payload = reply.data?.importPlanWorkbook;
      if (!payload) throw new Error(reply.errors?.map((e) => chineseOnly(e.message)).join('；') || t.workbook.failed);
      const errors = payload.userErrors;
      if (errors.length) {
        setStage('preview');
        if (errors.some((e) => e.code === 'REASON_REQUIRED')) {
          setNeedsReason(true);
          setReasonError(t.workbook.reasonRequired);
        } else if (errors.some((e) => e.code === 'CONFLICT')) setError(t.workbook.conflict);
        else setError(errors.map((e) => chineseOnly(e.message)).join('；'));
        if (payload.preview?.problems.length) setPreview({ ...preview, canImport: false, problems: payload.preview.problems });
        return;
      }
      setStage('done');
      // The plan's rows were replaced (their ids changed): read the page again.
      await client.refetchQueries({ include: 'active' });
    } catch (caught) {
      if (!alive.current) return;
      setStage('preview');
      setError(caught instanceof Error && caught.message !== 'network' ? caught.message : t.workbook.failed);
    }
  }

  const busy = stage === 'reading' || stage === 'uploading' || stage === 'parsing' || stage === 'importing';
  const percent = fraction == null ? null : Math.round(fraction * 100);
  return (
    <div className="modal-backdrop">
      <div className="modal workbook-dialog" role="dialog" aria-modal="true" aria-label={t.workbook.dialogTitle} aria-busy={busy}>
        <div className="sign-in dialog-form workbook-form" onKeyDown={(e) => e.key === 'Escape' && !busy && onClose()}>
          <h2 className="block-title">
            {t.workbook.dialogTitle}
            <span className="muted workbook-file">{file.name}</span>
          </h2>
          <Steps stage={stage} />
          <div className="workbook-progress" role="status" aria-live="polite" data-stage={stage}>
            {stage !== 'idle' && <span>{t.workbook.stages[stage]}{busy && percent != null && stage !== 'parsing' ? ` ${percent}%` : busy ? '…' : ''}</span>}
            {busy && <progress max={100} value={stage === 'parsing' || percent == null ? undefined : percent} aria-label={t.workbook.stages[stage]} />}
          </div>
          {error && <p className="field-error" role="alert">{error}</p>}
          {preview && stage !== 'reading' && stage !== 'uploading' && stage !== 'parsing' && <PreviewBody preview={preview} />}
          {preview && (stage === 'preview' || stage === 'importing') && preview.canImport && preview.changes.length > 0 && needsReason && (
            <label className="workbook-reason">
              <span>{t.workbook.reason}</span>
              <span className="sign-in-note">{t.workbook.reasonHint}</span>
              <textarea aria-label={t.workbook.reason} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
              {reasonError && <span className="field-error" role="alert">{reasonError}</span>}
            </label>
          )}
          <span className="dialog-buttons">
            <button type="button" className="btn" onClick={onClose} disabled={stage === 'importing'}>
              {stage === 'done' ? t.workbook.close : t.workbook.cancel}
            </button>
            {(stage === 'preview' || stage === 'importing') && preview?.canImport && preview.changes.length > 0 && (
              <button type="button" className="btn btn-primary" disabled={stage === 'importing'} onClick={() => void confirm()}>
                {t.workbook.confirm}
              </button>
            )}
          </span>
          {stage === 'done' && <p className="sign-in-note" role="note">{t.workbook.imported}</p>}
        </div>
      </div>
    </div>
  );
}

/** 上传中 → 解析中 → 预览, the current one marked. */
function Steps({ stage }: { stage: WorkbookStage }) {
  const order: WorkbookStage[] = ['uploading', 'parsing', 'preview'];
  const at = stage === 'reading' ? 0 : stage === 'importing' || stage === 'done' ? 3 : order.indexOf(stage);
  return (
    <ol className="workbook-steps">
      {order.map((step, index) => (
        <li key={step} className={index < at ? 'done' : index === at ? 'current' : ''} aria-current={index === at ? 'step' : undefined}>
          {t.workbook.stages[step]}
        </li>
      ))}
    </ol>
  );
}

function PreviewBody({ preview }: { preview: WorkbookPreview }) {
  const { changes, problems, warnings, notices } = preview;
  return (
    <div className="workbook-preview">
      {problems.length > 0 && (
        <section aria-label={t.workbook.problemColumns.message}>
          <p className="field-error">{t.workbook.problems(problems.length)}</p>
          <table className="form-table workbook-table">
            <thead>
              <tr>
                <th>{t.workbook.problemColumns.sheet}</th>
                <th>{t.workbook.problemColumns.row}</th>
                <th>{t.workbook.problemColumns.column}</th>
                <th>{t.workbook.problemColumns.message}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((problem, index) => (
                <tr key={index} data-problem={problem.code}>
                  <td>{problem.sheet ?? '—'}</td>
                  <td>{problem.row ?? '—'}</td>
                  <td>{problem.column ?? '—'}</td>
                  <td>{chineseOnly(problem.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {problems.length === 0 && changes.length === 0 && <p className="muted">{t.workbook.noChanges}</p>}
      {changes.length > 0 && (
        <section aria-label={t.workbook.changes(changes.length)}>
          <p>{t.workbook.changes(changes.length)}</p>
          <table className="form-table workbook-table">
            <thead>
              <tr>
                <th>{t.workbook.columns.kind}</th>
                <th>{t.workbook.columns.location}</th>
                <th>{t.workbook.columns.name}</th>
                <th>{t.workbook.columns.field}</th>
                <th>{t.workbook.columns.before}</th>
                <th>{t.workbook.columns.after}</th>
                <th>{t.workbook.columns.reading}</th>
                <th>{t.workbook.columns.source}</th>
              </tr>
            </thead>
            <tbody>
              {changes.slice(0, SHOWN_CHANGES).map((change, index) => (
                <ChangeRow key={index} change={change} />
              ))}
            </tbody>
          </table>
          {changes.length > SHOWN_CHANGES && <p className="muted">{t.workbook.more(changes.length - SHOWN_CHANGES)}</p>}
        </section>
      )}
      {warnings.length > 0 && (
        <section aria-label={t.workbook.warnings}>
          <p>{t.workbook.warnings}</p>
          <ul>{warnings.map((warning, index) => <li key={index}>{chineseOnly(warning)}</li>)}</ul>
        </section>
      )}
      {notices.length > 0 && (
        <section aria-label={t.workbook.notices}>
          <p className="muted">{t.workbook.notices}</p>
          <ul className="muted">{notices.map((notice, index) => <li key={index}>{notice}</li>)}</ul>
        </section>
      )}
    </div>
  );
}

function ChangeRow({ change }: { change: WorkbookChange }) {
  return (
    <tr data-change={change.kind}>
      <td>{t.workbook.kinds[change.kind] ?? change.kind}</td>
      <td>{change.location}</td>
      <td>{change.name}</td>
      <td>{change.field ?? '—'}</td>
      <td className="workbook-before">{change.before ?? '—'}</td>
      <td className="workbook-after">{change.after ?? '—'}</td>
      <td>{change.reading ?? ''}</td>
      <td>{t.workbook.at(change.sheet, change.row)}</td>
    </tr>
  );
}
