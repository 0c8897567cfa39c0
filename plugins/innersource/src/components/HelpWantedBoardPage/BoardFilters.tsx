import { ChangeEvent, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ContributionType } from '@innersource/backstage-plugin-innersource-common';
import { BoardFacets, BoardFacetValue } from '../../api';
import { UntrustedText } from '../UntrustedText';
import { displayEntityRef, isolate } from './displayText';
import { BoardView, isFiltered } from './useBoardView';

/** Values of a checkbox group shown before "Show all". */
const COLLAPSED_VALUES = 8;

const useStyles = makeStyles(theme => ({
  group: {
    display: 'block',
    marginBottom: theme.spacing(3),
    minWidth: 0,
  },
  legend: {
    marginBottom: theme.spacing(0.5),
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  option: {
    marginRight: 0,
    alignItems: 'flex-start',
    '& .MuiCheckbox-root': { paddingTop: theme.spacing(0.5) },
    '& .MuiFormControlLabel-label': {
      paddingTop: theme.spacing(0.75),
      minWidth: 0,
    },
  },
  count: {
    color: theme.palette.text.secondary,
  },
  select: {
    marginBottom: theme.spacing(3),
  },
  issues: {
    display: 'flex',
    marginBottom: theme.spacing(2),
  },
}));

/**
 * The facet's values plus any selected value the result set no longer offers (with
 * a count of 0), so a filter from a shared URL can always be seen and removed.
 */
function withSelected(
  values: BoardFacetValue[] | undefined,
  selected: string[],
): BoardFacetValue[] {
  const offered = values ?? [];
  const missing = selected.filter(
    value => !offered.some(facet => facet.value === value),
  );
  return [...offered, ...missing.map(value => ({ value, count: 0 }))];
}

function toggle<T extends string>(values: T[] | undefined, value: T): T[] {
  const current = values ?? [];
  return current.includes(value)
    ? current.filter(v => v !== value)
    : [...current, value];
}

function CheckboxFacet(props: {
  legend: string;
  name: string;
  values: BoardFacetValue[];
  selected: string[];
  onToggle: (value: string) => void;
}) {
  const classes = useStyles();
  const [expanded, setExpanded] = useState(false);
  const { legend, name, values, selected, onToggle } = props;
  if (values.length === 0) {
    return null;
  }
  const shown = expanded
    ? values
    : values.filter(
        (facet, index) =>
          index < COLLAPSED_VALUES || selected.includes(facet.value),
      );
  const groupId = `innersource-board-${name}`;
  return (
    <FormControl component="fieldset" className={classes.group}>
      <FormLabel component="legend" className={classes.legend}>
        {legend}
      </FormLabel>
      <FormGroup id={groupId}>
        {shown.map(facet => (
          <FormControlLabel
            key={facet.value}
            className={classes.option}
            control={
              <Checkbox
                size="small"
                color="primary"
                name={name}
                checked={selected.includes(facet.value)}
                onChange={() => onToggle(facet.value)}
              />
            }
            label={
              <>
                <UntrustedText>{facet.value}</UntrustedText>{' '}
                <span className={classes.count}>({facet.count})</span>
              </>
            }
          />
        ))}
      </FormGroup>
      {values.length > shown.length || expanded ? (
        <Button
          size="small"
          aria-expanded={expanded}
          aria-controls={groupId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded
            ? `Show fewer ${legend.toLocaleLowerCase('en-US')}`
            : `Show all ${values.length} ${legend.toLocaleLowerCase('en-US')}`}
        </Button>
      ) : null}
    </FormControl>
  );
}

function SelectFacet(props: {
  label: string;
  anyLabel: string;
  name: string;
  defaultKind: string;
  values: BoardFacetValue[];
  selected?: string;
  onSelect: (value: string | undefined) => void;
}) {
  const classes = useStyles();
  const { label, anyLabel, name, defaultKind, values, selected, onSelect } =
    props;
  if (values.length === 0) {
    return null;
  }
  return (
    <TextField
      id={`innersource-board-${name}`}
      className={classes.select}
      select
      fullWidth
      variant="outlined"
      size="small"
      label={label}
      value={selected ?? ''}
      onChange={(event: ChangeEvent<{ value: unknown }>) =>
        onSelect((event.target.value as string) || undefined)
      }
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      <option value="">{anyLabel}</option>
      {values.map(facet => (
        <option key={facet.value} value={facet.value}>
          {isolate(displayEntityRef(facet.value, defaultKind))} ({facet.count})
        </option>
      ))}
    </TextField>
  );
}

/**
 * The filters of the board, built from the facets of the current result set, with
 * the count of matching projects next to each value.
 */
export function BoardFilters(props: {
  view: BoardView;
  facets?: BoardFacets;
  onChange: (update: (view: BoardView) => BoardView) => void;
  onClear: () => void;
}) {
  const classes = useStyles();
  const { view, facets, onChange, onClear } = props;
  return (
    <Box component="section" aria-labelledby="innersource-board-filters">
      <Box
        display="flex"
        alignItems="baseline"
        justifyContent="space-between"
        mb={1}
      >
        <Typography variant="h6" component="h2" id="innersource-board-filters">
          Filters
        </Typography>
        {isFiltered(view) && (
          <Button size="small" onClick={onClear}>
            Clear all filters
          </Button>
        )}
      </Box>
      <FormControlLabel
        className={classes.issues}
        control={
          <Checkbox
            size="small"
            color="primary"
            name="issues"
            checked={view.hasIssues ?? false}
            onChange={(_event, checked) =>
              onChange(v => ({ ...v, hasIssues: checked || undefined }))
            }
          />
        }
        label="Has good-first issues"
      />
      <CheckboxFacet
        legend="Skills"
        name="skill"
        values={withSelected(facets?.skills, view.skills ?? [])}
        selected={view.skills ?? []}
        onToggle={skill =>
          onChange(v => ({ ...v, skills: toggle(v.skills, skill) }))
        }
      />
      <CheckboxFacet
        legend="Contribution types"
        name="type"
        values={withSelected(
          facets?.contributionTypes,
          view.contributionTypes ?? [],
        )}
        selected={view.contributionTypes ?? []}
        onToggle={type =>
          onChange(v => ({
            ...v,
            contributionTypes: toggle(
              v.contributionTypes,
              type as ContributionType,
            ),
          }))
        }
      />
      <SelectFacet
        label="Owner"
        anyLabel="Any owner"
        name="owner"
        defaultKind="group"
        values={withSelected(facets?.owners, view.owner ? [view.owner] : [])}
        selected={view.owner}
        onSelect={owner => onChange(v => ({ ...v, owner }))}
      />
      <SelectFacet
        label="System"
        anyLabel="Any system"
        name="system"
        defaultKind="system"
        values={withSelected(facets?.systems, view.system ? [view.system] : [])}
        selected={view.system}
        onSelect={system => onChange(v => ({ ...v, system }))}
      />
      <SelectFacet
        label="Domain"
        anyLabel="Any domain"
        name="domain"
        defaultKind="domain"
        values={withSelected(facets?.domains, view.domain ? [view.domain] : [])}
        selected={view.domain}
        onSelect={domain => onChange(v => ({ ...v, domain }))}
      />
      <CheckboxFacet
        legend="Tags"
        name="tag"
        values={withSelected(facets?.tags, view.tags ?? [])}
        selected={view.tags ?? []}
        onToggle={tag => onChange(v => ({ ...v, tags: toggle(v.tags, tag) }))}
      />
    </Box>
  );
}
