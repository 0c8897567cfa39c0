import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { ScorecardHistory } from '@innersource/backstage-plugin-innersource-common';
import { innerSourceApiRef } from '../../api';

/** The entity's score history, loaded again whenever `version` changes. */
export function useScorecardHistory(entityRef: string, version: number) {
  const api = useApi(innerSourceApiRef);
  const [state, setState] = useState<{
    history?: ScorecardHistory;
    error?: Error;
  }>({});

  useEffect(() => {
    let current = true;
    api.getScorecardHistory(entityRef).then(
      history => current && setState({ history }),
      error => current && setState({ error }),
    );
    return () => {
      current = false;
    };
  }, [api, entityRef, version]);

  return state;
}
