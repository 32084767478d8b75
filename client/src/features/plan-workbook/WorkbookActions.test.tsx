import { MockedProvider } from '@apollo/client/testing/react';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispositionFilename, type GraphQLReply, type WorkbookTransport } from './transport';
import { IMPORT_PLAN_WORKBOOK, PREVIEW_PLAN_WORKBOOK, type WorkbookPreview } from './workbook.graphql';
import { WorkbookActions } from './WorkbookActions';

afterEach(cleanup);

const preview = {
  __typename: 'PlanWorkbookPreview',
  plan: { __typename: 'Plan', id: '2', version: 7, status: 'DRAFT' },
  canImport: true,
  changes: [
    { __typename: 'PlanWorkbookChange', kind: 'CHANGED', subject: 'INDICATOR', location: '部门整体指标', name: '组织中心组学习', field: '指标值', before: '完成12次', after: '完成１５次', reading: '≥ 15 次', sheet: '部门整体支出绩效目标表', row: 14 },
  ],
  problems: [],
  warnings: ['年初预算合计 267.5915 ≠ 基本支出 + 项目支出'],
  notices: [],
} as unknown as WorkbookPreview;

/** A transport whose steps the test releases one by one: read, upload progress, the server's reply. */
function controlledTransport() {
  let upload: ((fraction: number | null) => void) | null = null;
  let reply: ((value: GraphQLReply<unknown>) => void) | null = null;
  const sent: { operation: string; variables: Record<string, unknown> }[] = [];
  const transport: WorkbookTransport = {
    read: vi.fn(async (_file, onProgress) => {
      onProgress(0.5);
      return 'data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,UEsFBg==';
    }),
    send: vi.fn((document, variables, onUpload) => {
      sent.push({ operation: document === PREVIEW_PLAN_WORKBOOK ? 'preview' : document === IMPORT_PLAN_WORKBOOK ? 'import' : '?', variables: variables as Record<string, unknown> });
      upload = onUpload;
      return new Promise<GraphQLReply<never>>((resolve) => (reply = resolve as never));
    }) as WorkbookTransport['send'],
    download: vi.fn(async () => ({ blob: new Blob(['xlsx']), filename: null })),
  };
  return {
    transport,
    sent,
    progress: (fraction: number) => act(() => upload!(fraction)),
    answer: (value: GraphQLReply<unknown>) => act(async () => reply!(value)),
  };
}

function mount(transport: WorkbookTransport, status: 'DRAFT' | 'APPROVED' = 'DRAFT', allowedActions = ['EDIT_DRAFT', 'SUBMIT']) {
  render(
    <MockedProvider>
      <WorkbookActions plan={{ id: '2', version: 7, status, allowedActions: allowedActions as never }} transport={transport} />
    </MockedProvider>,
  );
}

function choose(name = '雁峰2024年度绩效目标表.xlsx', size = 4096) {
  const file = new File([new Uint8Array(size)], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  fireEvent.change(screen.getByLabelText('选择Excel工作簿（.xlsx）'), { target: { files: [file] } });
}

const status = () => screen.getByRole('status').textContent;

describe('导出Excel / 导入Excel', () => {
  it('links the export with the session (same origin); 导入Excel only for who may import', () => {
    mount(controlledTransport().transport, 'APPROVED', ['ADJUST_TARGET']);
    expect(screen.getByRole('link', { name: '导出Excel' }).getAttribute('href')).toBe('/export/plans/2.xlsx');
    expect(screen.queryByRole('button', { name: '导入Excel' })).toBeNull();
  });

  it('shows 上传中 with its percentage → 解析中 → 预览 of each change with before and after, then imports on confirmation', async () => {
    const control = controlledTransport();
    mount(control.transport);
    choose();
    await waitFor(() => expect(status()).toBe('上传中 0%'));
    expect(screen.getByRole('dialog', { name: '导入Excel工作簿' }).getAttribute('aria-busy')).toBe('true');
    control.progress(0.45);
    expect(status()).toBe('上传中 45%');
    expect(screen.getByRole('listitem', { current: 'step' }).textContent).toBe('上传中');
    control.progress(1);
    expect(status()).toBe('解析中…');
    expect(screen.getByRole('listitem', { current: 'step' }).textContent).toBe('解析中');
    expect(control.sent[0]).toEqual({ operation: 'preview', variables: { planId: '2', file: expect.stringContaining('base64,') } });

    await control.answer({ data: { previewPlanWorkbook: preview } });
    expect(status()).toBe('预览');
    const row = screen.getByRole('row', { name: /组织中心组学习/ });
    expect(row.textContent).toContain('修改');
    expect(row.textContent).toContain('完成12次');
    expect(row.textContent).toContain('完成１５次');
    expect(row.textContent).toContain('≥ 15 次');
    expect(row.textContent).toContain('部门整体支出绩效目标表 第 14 行');
    expect(screen.getByText('年初预算合计 267.5915 ≠ 基本支出 + 项目支出')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '确认导入' }));
    await waitFor(() => expect(control.sent).toHaveLength(2));
    expect(control.sent[1]).toEqual({ operation: 'import', variables: { planId: '2', file: expect.any(String), expectedVersion: 7, reason: null } });
    expect(status()).toBe('导入中 0%');
    await control.answer({ data: { importPlanWorkbook: { plan: { id: '2', version: 8, status: 'DRAFT' }, preview: null, userErrors: [] } } });
    expect(status()).toBe('已导入');
  });

  it('lists problems at sheet, row and column, in Chinese, and offers no import', async () => {
    const control = controlledTransport();
    mount(control.transport);
    choose();
    await waitFor(() => expect(control.sent).toHaveLength(1));
    const problem = { __typename: 'PlanWorkbookProblem', sheet: '部门整体支出绩效目标表', row: 9, column: 'E', message: '分值须为数字（value is not a number）', code: 'INVALID_CELL' };
    await control.answer({ data: { previewPlanWorkbook: { ...preview, canImport: false, changes: [], problems: [problem] } } });
    expect(screen.getByText('发现 1 处问题，修改工作簿后重新导入（未导入任何数据）')).toBeTruthy();
    const cells = [...screen.getAllByRole('row')[1]!.querySelectorAll('td')].map((cell) => cell.textContent);
    expect(cells).toEqual(['部门整体支出绩效目标表', '9', 'E', '分值须为数字']);
    expect(screen.queryByRole('button', { name: '确认导入' })).toBeNull();
  });

  it('past 批复 asks for the reason before importing and sends it', async () => {
    const control = controlledTransport();
    mount(control.transport, 'APPROVED', ['ADJUST_TARGET', 'IMPORT']);
    choose();
    await waitFor(() => expect(control.sent).toHaveLength(1));
    await control.answer({ data: { previewPlanWorkbook: { ...preview, plan: { ...preview.plan!, status: 'APPROVED' } } } });
    fireEvent.click(screen.getByRole('button', { name: '确认导入' }));
    expect(screen.getByRole('alert').textContent).toBe('请填写导入原因');
    expect(control.sent).toHaveLength(1);
    fireEvent.change(screen.getByRole('textbox', { name: '导入原因' }), { target: { value: '财政批复后更正数据' } });
    fireEvent.click(screen.getByRole('button', { name: '确认导入' }));
    await waitFor(() => expect(control.sent).toHaveLength(2));
    expect(control.sent[1]!.variables).toMatchObject({ reason: '财政批复后更正数据' });
  });

  it('refuses what is not an .xlsx or over 2 MB before uploading anything', async () => {
    const control = controlledTransport();
    mount(control.transport);
    choose('plan.xls');
    expect((await screen.findByRole('alert')).textContent).toContain('.xlsx');
    choose('big.xlsx', 2 * 1024 * 1024 + 1);
    expect((await screen.findByRole('alert')).textContent).toBe('文件超过 2 MB 上限');
    expect(control.transport.read).not.toHaveBeenCalled();
    expect(control.sent).toEqual([]);
  });
});

describe('导出Excel with its progress', () => {
  it('downloads with the session while 导出中 shows the percentage, then saves the file under the server\'s name', async () => {
    const control = controlledTransport();
    let progress: ((fraction: number | null) => void) | null = null;
    let finish: ((value: { blob: Blob; filename: string | null }) => void) | null = null;
    control.transport.download = vi.fn((_url: string, onProgress: (fraction: number | null) => void) => {
      progress = onProgress;
      return new Promise<{ blob: Blob; filename: string | null }>((resolve) => (finish = resolve));
    });
    const createObjectURL = vi.fn(() => 'blob:xlsx');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    mount(control.transport);
    fireEvent.click(screen.getByRole('link', { name: '导出Excel' }));
    expect(control.transport.download).toHaveBeenCalledWith('/export/plans/2.xlsx', expect.any(Function));
    expect(screen.getByRole('status').textContent).toBe('导出中 0%');
    act(() => progress!(0.6));
    expect(screen.getByRole('status').textContent).toBe('导出中 60%');
    await act(async () => finish!({ blob: new Blob(['xlsx']), filename: '石峰区委宣传部2021年度绩效目标表.xlsx' }));
    expect(clicked).toEqual(['石峰区委宣传部2021年度绩效目标表.xlsx']);
    expect(screen.queryByRole('status')).toBeNull();
    click.mockRestore();
  });

  it('shows a refusal in Chinese', async () => {
    const control = controlledTransport();
    control.transport.download = vi.fn(async () => {
      throw new Error('无权查看其他部门的数据 (not a department in your scope)');
    });
    mount(control.transport);
    fireEvent.click(screen.getByRole('link', { name: '导出Excel' }));
    expect((await screen.findByRole('alert')).textContent).toBe('无权查看其他部门的数据');
  });

  it('reads the file name from Content-Disposition (UTF-8 first)', () => {
    expect(dispositionFilename(`attachment; filename="plan-1.xlsx"; filename*=UTF-8''${encodeURIComponent('石峰区委宣传部2021年度绩效目标表.xlsx')}`)).toBe('石峰区委宣传部2021年度绩效目标表.xlsx');
    expect(dispositionFilename('attachment; filename="plan-1.xlsx"')).toBe('plan-1.xlsx');
    expect(dispositionFilename(null)).toBeNull();
  });
});
