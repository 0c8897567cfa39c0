/**
 * What a change token of this module holds: what GitLab said about the
 * project at its last full read, and when that read was.
 */
export type GitlabChangeMarks = {
  /** GitLab's numeric project id: it stays when the project moves. */
  id: number;
  /** `path_with_namespace` at the read, lower case. */
  path: string;
  /** `last_activity_at` at the read. */
  lastActivityAt: string;
  archived: boolean;
  /** The project answer's ETag, for `If-None-Match`. */
  etag?: string;
  /** ISO 8601 time of the full read. */
  readAt: string;
};

const PREFIX = 'gitlab-v1:';

export function changeToken(marks: GitlabChangeMarks): string {
  return `${PREFIX}${JSON.stringify(marks)}`;
}

/** The marks of a token this module wrote, or undefined for anything else. */
export function parseChangeToken(
  token: string | undefined,
): GitlabChangeMarks | undefined {
  if (!token?.startsWith(PREFIX)) {
    return undefined;
  }
  try {
    const marks = JSON.parse(token.slice(PREFIX.length)) as Partial<
      Record<keyof GitlabChangeMarks, unknown>
    >;
    if (
      typeof marks.id !== 'number' ||
      typeof marks.path !== 'string' ||
      typeof marks.lastActivityAt !== 'string' ||
      typeof marks.archived !== 'boolean' ||
      typeof marks.readAt !== 'string' ||
      !Number.isFinite(Date.parse(marks.readAt)) ||
      !Number.isFinite(Date.parse(marks.lastActivityAt)) ||
      (marks.etag !== undefined && typeof marks.etag !== 'string')
    ) {
      return undefined;
    }
    return {
      id: marks.id,
      path: marks.path,
      lastActivityAt: marks.lastActivityAt,
      archived: marks.archived,
      readAt: marks.readAt,
      ...(marks.etag ? { etag: marks.etag } : {}),
    };
  } catch {
    return undefined;
  }
}
