/**
 * What a push, a rename or archiving moves on a repository. GitHub answers
 * these without any connection, so a query asking only for them costs the
 * minimum of one point however many repositories it names.
 */
export type PushMarks = {
  nameWithOwner: string;
  isArchived: boolean;
  pushedAt: string | null;
};

/** The GraphQL selection of {@link PushMarks}. */
export const PUSH_MARKS_SELECTION = 'nameWithOwner isArchived pushedAt';

/**
 * What a change token holds: the push marks of the read and, when labelled
 * issues were read, how many were open. Pull-request and issue activity is
 * not in the token: it is found by its update time, after the time of the
 * read (`previous.readAt`).
 */
export type ChangeTokenMarks = {
  nameWithOwner: string;
  isArchived: boolean;
  pushedAt: string | null;
  /** Labelled open issues at the read; undefined when no labels were asked for. */
  openIssues?: number;
};

/** The change token of a full read: one line. */
export function changeToken(
  marks: PushMarks,
  openIssues: number | undefined,
): string {
  return [
    'v2',
    marks.nameWithOwner.toLowerCase(),
    marks.isArchived ? 'archived' : 'active',
    marks.pushedAt ?? '-',
    openIssues === undefined ? '-' : String(openIssues),
  ].join('|');
}

/**
 * The marks of a token this module wrote, or undefined for anything else.
 * Tokens of the first version (`v1|name|state|pushedAt|pr|count@issue`) are
 * read too, so that an upgrade does not read every repository again.
 */
export function parseChangeToken(
  token: string | undefined,
): ChangeTokenMarks | undefined {
  const parts = token?.split('|') ?? [];
  const [version, nameWithOwner, state, pushedAt] = parts;
  let issues: string | undefined;
  if (version === 'v2' && parts.length === 5) {
    issues = parts[4];
  } else if (version === 'v1' && parts.length === 6) {
    issues = parts[5].split('@')[0];
  } else {
    return undefined;
  }
  if (!nameWithOwner || (state !== 'active' && state !== 'archived')) {
    return undefined;
  }
  const openIssues = issues === '-' ? undefined : Number(issues);
  if (openIssues !== undefined && !Number.isInteger(openIssues)) {
    return undefined;
  }
  return {
    nameWithOwner,
    isArchived: state === 'archived',
    pushedAt: pushedAt === '-' ? null : pushedAt,
    ...(openIssues === undefined ? {} : { openIssues }),
  };
}

/** Whether a push, rename or archiving happened since the token was made. */
export function pushMarksMoved(
  token: ChangeTokenMarks,
  marks: PushMarks,
): boolean {
  return (
    token.nameWithOwner !== marks.nameWithOwner.toLowerCase() ||
    token.isArchived !== marks.isArchived ||
    token.pushedAt !== (marks.pushedAt ?? null)
  );
}
