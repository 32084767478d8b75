/**
 * Every document of the client in one import, for tests outside the client (the server's query-limits
 * test measures each one). The app imports documents from beside its features, not from here.
 */
export * from './fragments';
export * from '../features/auth/auth.graphql';
export * from '../features/departments/departments.graphql';
export * from '../features/evaluation/evaluation.graphql';
export * from '../features/plan-editor/budget.graphql';
export * from '../features/plan-editor/indicator.graphql';
export * from '../features/plan-editor/key-task.graphql';
export * from '../features/plan-editor/line-item.graphql';
export * from '../features/plan-editor/plan.graphql';
export * from '../features/users/users.graphql';
export * from '../features/plan-workbook/workbook.graphql';
export * from '../features/dashboard/dashboard.graphql';
