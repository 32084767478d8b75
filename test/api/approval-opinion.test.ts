/**
 * 批复意见 (issue 13 item 4): 批复 keeps the reviewer's opinion on the plan with who and when, through the
 * workflow service, audited like every plan field; the planner reads it with the plan.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/src/modules/user/access.js';
import { type Api, openApi } from './harness.js';

let api: Api;
let planId: string;
let departmentId: string;
beforeEach(async () => {
  api = await openApi();
  departmentId = (await api.gql('mutation { createDepartment(input: { name: "中共雁峰区委宣传部" }) { department { id } } }')).createDepartment.department.id;
  planId = (await api.gql('mutation($d: ID!) { createPlan(input: { departmentId: $d, year: 2025 }) { plan { id } } }', { d: departmentId })).createPlan.plan.id;
});
afterEach(async () => {
  await api.close();
});

const APPROVE = 'mutation($id: ID!, $opinion: String) { approvePlan(id: $id, opinion: $opinion) { plan { status approvalOpinion approvalOpinionBy approvalOpinionAt } userErrors { code field } } }';
const OPINION = 'query($id: ID!) { plan(id: $id) { status approvalOpinion approvalOpinionBy approvalOpinionAt } }';

describe('批复意见', () => {
  it('the reviewer approves with an opinion: kept on the plan with who and when, audited, read by the planner', async () => {
    const reviewer: Actor = { id: 5, name: '区财政局审核员', role: 'REVIEWER', departmentIds: [Number(departmentId)] };
    const planner: Actor = { id: 6, name: '雁峰编报员', role: 'PLANNER', departmentIds: [Number(departmentId)] };
    await api.as(planner).gql('mutation($id: ID!) { submitPlan(id: $id) { userErrors { code } } }', { id: planId });
    const before = Date.now();
    const approved = (await api.as(reviewer).gql(APPROVE, { id: planId, opinion: '  同意。请按批复的指标组织实施，年中报送执行进度。 ' })).approvePlan;
    expect(approved.userErrors).toEqual([]);
    expect(approved.plan).toMatchObject({ status: 'APPROVED', approvalOpinion: '同意。请按批复的指标组织实施，年中报送执行进度。', approvalOpinionBy: '区财政局审核员' });
    expect(new Date(approved.plan.approvalOpinionAt).getTime()).toBeGreaterThanOrEqual(before - 1000);

    expect((await api.as(planner).gql(OPINION, { id: planId })).plan).toMatchObject({ approvalOpinion: '同意。请按批复的指标组织实施，年中报送执行进度。', approvalOpinionBy: '区财政局审核员' });
    const trail = (await api.gql('query($p: ID!, $o: ID) { auditLog(planId: $p, objectType: "Plan", objectId: $o, field: "approvalOpinion") { nodes { userName before after } } }', { p: planId, o: planId })).auditLog.nodes;
    expect(trail).toEqual([{ userName: '区财政局审核员', before: null, after: JSON.stringify('同意。请按批复的指标组织实施，年中报送执行进度。') }]);
  });

  it('the opinion is optional; a refused approval (wrong status, hostile text) records nothing', async () => {
    expect((await api.gql(APPROVE, { id: planId, opinion: '同意' })).approvePlan.userErrors).toEqual([{ code: 'WRONG_STATUS', field: expect.any(Array) }]);
    expect((await api.gql(OPINION, { id: planId })).plan.approvalOpinion).toBeNull();
    await api.gql('mutation($id: ID!) { submitPlan(id: $id) { userErrors { code } } }', { id: planId });
    const hostile = (await api.gql(APPROVE, { id: planId, opinion: '同意\u0007' })).approvePlan;
    expect(hostile.userErrors.map((error: { code: string }) => error.code)).toHaveLength(1);
    expect(hostile.userErrors[0].field).toEqual(['opinion']);
    expect((await api.gql(OPINION, { id: planId })).plan).toMatchObject({ status: 'SUBMITTED', approvalOpinion: null, approvalOpinionAt: null });
    const plain = (await api.gql(APPROVE, { id: planId })).approvePlan;
    expect(plain.plan).toMatchObject({ status: 'APPROVED', approvalOpinion: null, approvalOpinionBy: '测试管理员' });
  });

  it('开始自评 keeps its optional opinion as the reason of the status change (no column); a too-long one is refused and changes nothing', async () => {
    const START = 'mutation($id: ID!, $opinion: String) { startEvaluation(id: $id, opinion: $opinion) { plan { status } userErrors { code field } } }';
    const STATUS_TRAIL = 'query($p: ID!, $o: ID) { auditLog(planId: $p, objectType: "Plan", objectId: $o, field: "status") { totalCount nodes { userName before after reason } } }';
    await api.gql('mutation($id: ID!) { submitPlan(id: $id) { userErrors { code } } }', { id: planId });
    await api.gql(APPROVE, { id: planId });
    const countBefore = (await api.gql(STATUS_TRAIL, { p: planId, o: planId })).auditLog.totalCount;

    const tooLong = (await api.gql(START, { id: planId, opinion: '请'.repeat(20_001) })).startEvaluation;
    expect(tooLong.userErrors).toHaveLength(1);
    expect(tooLong.userErrors[0].field).toEqual(['opinion']);
    const hostile = (await api.gql(START, { id: planId, opinion: '开始\u0007' })).startEvaluation;
    expect(hostile.userErrors[0].field).toEqual(['opinion']);
    expect((await api.gql(OPINION, { id: planId })).plan.status).toBe('APPROVED');
    expect((await api.gql(STATUS_TRAIL, { p: planId, o: planId })).auditLog.totalCount).toBe(countBefore);

    const started = (await api.gql(START, { id: planId, opinion: '  请各科室于3月底前填报实际完成值。 ' })).startEvaluation;
    expect(started).toEqual({ plan: { status: 'EVALUATING' }, userErrors: [] });
    const trail = (await api.gql(STATUS_TRAIL, { p: planId, o: planId })).auditLog;
    expect(trail.totalCount).toBe(countBefore + 1);
    expect(trail.nodes[0]).toEqual({ userName: '测试管理员', before: JSON.stringify('APPROVED'), after: JSON.stringify('EVALUATING'), reason: '请各科室于3月底前填报实际完成值。' });
  });
});
