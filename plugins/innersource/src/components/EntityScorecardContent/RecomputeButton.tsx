import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  EntityScorecard,
  innersourceScorecardRefreshPermission,
} from '@innersource/backstage-plugin-innersource-common';
import { innerSourceApiRef } from '../../api';

/**
 * Recomputes the entity's scorecard now. Shown only to users the permission
 * policy allows; the backend checks the permission again.
 */
export function RecomputeButton(props: {
  entityRef: string;
  label?: string;
  onRecomputed: (scorecard: EntityScorecard) => void;
}) {
  const api = useApi(innerSourceApiRef);
  const { allowed, loading } = usePermission({
    permission: innersourceScorecardRefreshPermission,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState(false);

  if (loading || !allowed) {
    return null;
  }

  const recompute = async () => {
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      props.onRecomputed(await api.refreshScorecard(props.entityRef));
      setDone(true);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
      <Button
        variant="outlined"
        size="small"
        startIcon={<RefreshIcon />}
        onClick={recompute}
        disabled={busy}
      >
        {busy ? 'Recomputing…' : props.label ?? 'Recompute'}
      </Button>
      <Typography variant="caption" role="status">
        {done ? 'Scorecard recomputed.' : ''}
      </Typography>
      {error && (
        <Typography variant="caption" color="error" role="alert">
          Could not recompute: {error.message}
        </Typography>
      )}
    </Box>
  );
}
