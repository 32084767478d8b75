import type { MikroORM } from '@mikro-orm/sqlite';
import type { RequestHandler } from 'express';
import { Plan } from '../plan/plan.entity.js';
import { bindActor, canReadDepartment } from '../user/access.js';
import { actorForToken, tokenFrom } from '../user/session.service.js';
import { planWorkbookFile } from './plan-workbook.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * GET /export/plans/:id.xlsx — the plan as the official forms. Signed in (session cookie or Bearer
 * token) and scoped exactly like the `plan` query: another department's plan is 403, none is 404.
 */
export function planWorkbookDownload(orm: MikroORM): RequestHandler {
  return async (request, response, next) => {
    const refuse = (status: number, code: string, message: string) => response.status(status).json({ errors: [{ message, extensions: { code } }] });
    try {
      const session = await actorForToken(orm.em.fork(), tokenFrom(request.headers));
      if (!session) return void refuse(401, 'UNAUTHENTICATED', '请先登录 (sign in first)');
      const id = String(request.params.id ?? '');
      if (!/^[1-9]\d{0,9}$/.test(id)) return void refuse(404, 'NOT_FOUND', `计划不存在：${id.slice(0, 20)} (no such plan)`);
      const em = orm.em.fork();
      bindActor(em, session.actor);
      const plan = await em.findOne(Plan, { id: Number(id) });
      if (!plan) return void refuse(404, 'NOT_FOUND', `计划不存在：${id} (no such plan)`);
      if (!canReadDepartment(session.actor, plan.department.id)) return void refuse(403, 'FORBIDDEN', '无权查看其他部门的数据 (not a department in your scope)');
      const file = await planWorkbookFile(em, plan.id);
      response.setHeader('Content-Type', XLSX);
      response.setHeader('Content-Disposition', `attachment; filename="plan-${id}.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
      response.setHeader('Cache-Control', 'private, no-store');
      response.send(file.buffer);
    } catch (error) {
      next(error);
    }
  };
}
