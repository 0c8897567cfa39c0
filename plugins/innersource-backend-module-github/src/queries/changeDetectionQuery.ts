import { changeMarksSelection } from './changeMarks';
import { RATE_LIMIT_SELECTION } from './rateLimit';

export type ChangeDetectionTarget = {
  owner: string;
  name: string;
  issueLabels: string[];
};

/** The alias of the i-th repository of a batch. */
export function changeDetectionAlias(index: number): string {
  return `r${index}`;
}

/**
 * One query for a batch of repositories, each under its alias, asking only
 * for their {@link ChangeMarks}. Names and labels travel as variables, never
 * spliced into the text.
 */
export function changeDetectionQuery(targets: ChangeDetectionTarget[]): {
  query: string;
  variables: Record<string, unknown>;
  /** GitHub's own rule: one request per connection asked for, a point per 100 requests, at least 1. */
  estimatedCost: number;
} {
  const declarations: string[] = [];
  const selections: string[] = [];
  const variables: Record<string, unknown> = {};
  let connections = 0;
  targets.forEach((target, index) => {
    const withIssues = target.issueLabels.length > 0;
    declarations.push(`$o${index}: String!`, `$n${index}: String!`);
    variables[`o${index}`] = target.owner;
    variables[`n${index}`] = target.name;
    if (withIssues) {
      declarations.push(`$l${index}: [String!]`);
      variables[`l${index}`] = target.issueLabels;
    }
    connections += withIssues ? 2 : 1;
    selections.push(
      `  ${changeDetectionAlias(
        index,
      )}: repository(owner: $o${index}, name: $n${index}) {${changeMarksSelection(
        withIssues ? `l${index}` : undefined,
      )}
  }`,
    );
  });
  const query = `query RepositoryChanges(${declarations.join(', ')}) {
  ${RATE_LIMIT_SELECTION}
${selections.join('\n')}
}`;
  return {
    query,
    variables,
    estimatedCost: Math.max(1, Math.round(connections / 100)),
  };
}
