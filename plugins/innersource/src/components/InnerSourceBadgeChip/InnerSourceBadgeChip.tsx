import { useState } from 'react';
import Chip from '@material-ui/core/Chip';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { isContributionWanted } from '@innersource/backstage-plugin-innersource-common';
import { ReadmeBadgeDialog } from '../ReadmeBadgeDialog';

/** @public */
export type InnerSourceBadgeChipProps = {
  /** Default: "Contributions welcome". */
  label?: string;
};

/**
 * A "Contributions welcome" chip for entities with
 * `innersource/contributions-wanted: true`; clicking it opens the dialog that
 * copies README badge snippets. Renders nothing for other entities.
 *
 * @public
 */
export function InnerSourceBadgeChip(props: InnerSourceBadgeChipProps) {
  const { label = 'Contributions welcome' } = props;
  const { entity } = useEntity();
  const [open, setOpen] = useState(false);
  if (!isContributionWanted(entity)) {
    return null;
  }
  return (
    <>
      <Chip
        icon={<CheckCircleIcon />}
        label={label}
        color="primary"
        size="small"
        clickable
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        title="Get a README badge"
      />
      {open && (
        <ReadmeBadgeDialog
          entityRef={stringifyEntityRef(entity)}
          open={open}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
