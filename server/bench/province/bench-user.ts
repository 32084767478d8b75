// The benches' administrator (username `bench`), created through the app's own service so its password hash
// and audit entry are what a real sign-in meets.
import type { EntityManager } from '@mikro-orm/sqlite';
import { openDatabase } from '../../src/db/orm.js';
import { withAuditScope } from '../../src/modules/audit/audit-scope.js';
import { type Actor, bindActor } from '../../src/modules/user/access.js';
import { Role } from '../../src/modules/user/user.entity.js';
import { createUser } from '../../src/modules/user/user.service.js';

export async function createBenchAdmin(dbPath: string, admin: Actor, password: string): Promise<void> {
  const orm = await openDatabase(dbPath);
  await withAuditScope({ userId: null, userName: admin.name }, () =>
    orm.em.fork().transactional((em) => {
      bindActor(em as EntityManager, admin);
      return createUser(em as EntityManager, { username: 'bench', displayName: '基准测试', password, role: Role.ADMIN, departments: [] });
    }),
  );
  await orm.close();
}
