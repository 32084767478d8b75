import { useServerProblem } from '../app/error-store';

/** Connection or server trouble, shown across the top until the next request succeeds. */
export function ErrorBanner() {
  const problem = useServerProblem();
  if (!problem) return null;
  return (
    <div className={`banner banner-${problem.kind}`} role="alert">
      {problem.message}
    </div>
  );
}
