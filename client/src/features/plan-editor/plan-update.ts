import { useApolloClient } from '@apollo/client/react';
import { cellOutcome, serialized, shownVersion, useMutate, type CellOutcome } from '../../app/mutate';
import { PLAN_PROFILE } from '../../graphql/fragments';
import { UPDATE_PLAN } from './plan.graphql';
import type { PlanProfile, Staffing } from '../../graphql/fragments';
import type { StaffingInput, UpdatePlanInput } from '../../graphql/generated/graphql';
import { usePlanAccess } from './access';

/** Staffing as StaffingInput (no __typename from the cache). */
export function staffInput(staff: Staffing | null | undefined): StaffingInput {
  return { authorized: staff?.authorized ?? null, actual: staff?.actual ?? null, retired: staff?.retired ?? null };
}

/**
 * Writes the plan's own fields (部门基本情况, goals) with updatePlan, expecting the plan version shown.
 * `build` makes the input from the plan as it is when the write goes out (the cache, else `fallback`):
 * a list or the staffing is sent whole, so an edit must start from the latest one, not the one rendered.
 * On CONFLICT the payload puts their plan in the cache; 用我的值覆盖 applies my edit to theirs.
 */
export function usePlanUpdate(fallback: PlanProfile) {
  const client = useApolloClient();
  const mutate = useMutate();
  const access = usePlanAccess();
  const planId = fallback.id;

  function current(): PlanProfile {
    const cached = client.cache.readFragment({ id: client.cache.identify({ __typename: 'Plan', id: planId }), fragment: PLAN_PROFILE });
    return cached ?? fallback;
  }

  function update(build: (now: PlanProfile) => UpdatePlanInput, theirs: (plan: PlanProfile) => string, version?: number): Promise<CellOutcome> {
    return serialized(`plan:${planId}`, async () =>
      cellOutcome(
        await mutate(UPDATE_PLAN, {
          id: planId,
          input: build(current()),
          expectedVersion: version ?? shownVersion(client, 'Plan', planId, access.planVersion),
        }),
        {
          current: (payload) => payload.plan,
          theirs: (plan) => theirs(plan),
          overwrite: (newer) => update(build, theirs, newer),
        },
      ),
    );
  }

  return update;
}
