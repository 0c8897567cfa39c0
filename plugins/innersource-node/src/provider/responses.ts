import { CodeHostReadRequest } from '../codeHost';

/**
 * One answer to a pull or merge request (a comment, a review, a note), by
 * whom, as the host gave it.
 *
 * @public
 */
export type CodeHostResponse = {
  /** ISO 8601. */
  at: string;
  /** The responder's login; an answer without one is passed over. */
  login?: string;
  isBot: boolean;
};

/**
 * When a pull or merge request was first answered: the earliest response
 * by someone other than its author who is not a bot (the rule of
 * `firstResponseAt`), whatever order the responses come in.
 *
 * @public
 */
export function earliestResponseAt(
  authorLogin: string | undefined,
  responses: Iterable<CodeHostResponse | undefined>,
): string | undefined {
  const author = authorLogin?.toLowerCase();
  let first: string | undefined;
  for (const response of responses) {
    if (
      !response?.login ||
      response.isBot ||
      response.login.toLowerCase() === author
    ) {
      continue;
    }
    if (!first || Date.parse(response.at) < Date.parse(first)) {
      first = response.at;
    }
  }
  return first;
}

/**
 * An address from the host, kept only when it is http(s); otherwise the
 * fallback built from the repository. Code-host text is untrusted: a
 * `javascript:` link never reaches a page.
 *
 * @public
 */
export function httpUrlOr(value: string | undefined, fallback: string): string {
  try {
    const url = new URL(value ?? '');
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? url.href
      : fallback;
  } catch {
    return fallback;
  }
}

/**
 * Whether the last read asked for what this one asks for: the same window
 * and the same issue labels (in any order and case). Only then can change
 * detection keep the stored facts.
 *
 * @public
 */
export function sameReadScope(request: CodeHostReadRequest): boolean {
  const previous = request.previous;
  if (!previous || previous.windowDays !== request.windowDays) {
    return false;
  }
  const before = new Set(previous.issueLabels.map(l => l.toLowerCase()));
  const now = new Set(request.issueLabels.map(l => l.toLowerCase()));
  return before.size === now.size && [...before].every(l => now.has(l));
}
