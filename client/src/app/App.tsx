import { useQuery } from '@apollo/client/react';
import { ErrorBanner } from '../components/ErrorBanner';
import { ReasonDialogHost } from '../components/ReasonDialog';
import { SignIn, UserMenu } from '../features/auth/SignIn';
import { DepartmentList } from '../features/departments/DepartmentList';
import { DepartmentPage } from '../features/departments/DepartmentPage';
import { PlanPage } from '../features/plan-editor/PlanPage';
import { UsersPage } from '../features/users/UsersPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { ME } from '../features/auth/auth.graphql';
import { t } from '../i18n/zh-CN';
import { href, useRoute } from './router';
import { useSignInRequired } from './session';

export function App() {
  const route = useRoute();
  const { data, loading } = useQuery(ME, { fetchPolicy: 'cache-first' });
  const signInRequired = useSignInRequired();
  const user = data?.me ?? null;

  if (!data && loading) return <p className="page muted">{t.auth.checking}</p>;
  if (!user) {
    // Nobody signed in: the sign-in page. The hash (#/plans/3/…) stays, so signing in lands there.
    return (
      <>
        <ErrorBanner />
        <SignIn />
      </>
    );
  }
  return (
    <>
      <header className="app-header">
        <a className="brand" href={href({ name: 'departments' })}>绩效 · {t.app.title}</a>
        <a href={href({ name: 'departments' })}>{t.app.departments}</a>
        {(user.role === 'ANALYST' || user.role === 'ADMIN') && <a href={href({ name: 'analysis', year: null })}>{t.dashboard.nav}</a>}
        {user.role === 'ADMIN' && <a href={href({ name: 'users' })}>{t.users.nav}</a>}
        <UserMenu user={user} />
      </header>
      <ErrorBanner />
      <main>
        {route.name === 'departments' && <DepartmentList />}
        {route.name === 'department' && <DepartmentPage id={route.id} />}
        {route.name === 'users' && <UsersPage me={user} />}
        {route.name === 'analysis' && <DashboardPage year={route.year} />}
        {route.name === 'plan' && <PlanPage key={route.id} id={route.id} view={route.view} />}
      </main>
      <ReasonDialogHost />
      {signInRequired && <SignIn overlay username={user.username} />}
    </>
  );
}
