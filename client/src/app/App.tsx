import { ErrorBanner } from '../components/ErrorBanner';
import { DepartmentList } from '../features/departments/DepartmentList';
import { DepartmentPage } from '../features/departments/DepartmentPage';
import { PlanPage } from '../features/plan-editor/PlanPage';
import { t } from '../i18n/zh-CN';
import { href, useRoute } from './router';

export function App() {
  const route = useRoute();
  return (
    <>
      <header className="app-header">
        <a className="brand" href={href({ name: 'departments' })}>绩效 · {t.app.title}</a>
        <a href={href({ name: 'departments' })}>{t.app.departments}</a>
      </header>
      <ErrorBanner />
      <main>
        {route.name === 'departments' && <DepartmentList />}
        {route.name === 'department' && <DepartmentPage id={route.id} />}
        {route.name === 'plan' && <PlanPage key={route.id} id={route.id} view={route.view} />}
      </main>
    </>
  );
}
