import { CodeHostRepository } from '@innersource/backstage-plugin-innersource-common';

const PROVIDER_NAMES: Record<string, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
};

/** "GitHub", "GitLab", or "The code host" for a provider this plugin does not know by name. */
export function codeHostName(repository?: CodeHostRepository): string {
  return (repository && PROVIDER_NAMES[repository.provider]) ?? 'The code host';
}

/** GitLab says merge request; every other host pull request. */
export function changeRequestNoun(
  repository: CodeHostRepository | undefined,
  count: number,
): string {
  const noun =
    repository?.provider === 'gitlab' ? 'merge request' : 'pull request';
  return count === 1 ? noun : `${noun}s`;
}

/**
 * The User annotation that maps a login on this host to a catalog user; both
 * when the provider is not known, so the fix is never a guess.
 */
export function userLoginAnnotation(repository?: CodeHostRepository): string {
  switch (repository?.provider) {
    case 'github':
      return 'github.com/user-login';
    case 'gitlab':
      return 'gitlab.com/user-login';
    default:
      return 'github.com/user-login (or gitlab.com/user-login)';
  }
}

/** Hours as people say them: "under an hour", "5 hours", "3.5 days". */
export function durationText(hours: number): string {
  if (hours < 1) {
    return 'under an hour';
  }
  if (hours < 48) {
    const rounded = Math.round(hours);
    return rounded === 1 ? '1 hour' : `${rounded} hours`;
  }
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

/** "42%", from a ratio of 0–1. */
export function percentText(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}
