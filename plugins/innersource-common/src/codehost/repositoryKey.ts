import { CodeHostRepository } from './types';

/**
 * The key a repository's facts are stored under: provider, host and slug in
 * lower case, e.g. `github:github.com/acme/payments-gateway`. Hosts and
 * slugs compare ignoring case on GitHub and GitLab alike.
 *
 * @public
 */
export function codeHostRepositoryKey(
  repository: Pick<CodeHostRepository, 'provider' | 'host' | 'slug'>,
): string {
  return `${repository.provider}:${repository.host}/${repository.slug}`.toLowerCase();
}
