import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityScorecard,
  ScorecardChecksResponse,
} from '@innersource/backstage-plugin-innersource-common';
import { innerSourceApiRef } from '../api';

export type EntityScorecardState = {
  loading: boolean;
  error?: Error;
  /** The configured checks and levels, to name and describe the results. */
  checks?: ScorecardChecksResponse;
  /** Undefined once loaded: the entity is not scored yet. */
  scorecard?: EntityScorecard;
};

/**
 * Loads an entity's scorecard and the configured checks together. `replace`
 * puts a freshly recomputed scorecard in place without another request.
 */
export function useEntityScorecard(entityRef: string) {
  const api = useApi(innerSourceApiRef);
  const [state, setState] = useState<EntityScorecardState>({ loading: true });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ loading: true });
    Promise.all([api.getScorecardChecks(), api.getEntityScorecard(entityRef)])
      .then(([checks, scorecard]) => {
        if (current) {
          setState({ loading: false, checks, scorecard });
        }
      })
      .catch(error => {
        if (current) {
          setState({ loading: false, error });
        }
      });
    return () => {
      current = false;
    };
  }, [api, entityRef, attempt]);

  const retry = useCallback(() => setAttempt(n => n + 1), []);
  const replace = useCallback(
    (scorecard: EntityScorecard) =>
      setState(previous => ({ ...previous, scorecard })),
    [],
  );

  return { ...state, retry, replace };
}
