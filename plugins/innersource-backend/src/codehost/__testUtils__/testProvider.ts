import { Entity } from '@backstage/catalog-model';
import {
  CodeHostRepository,
  RepositoryFacts,
} from '@innersource/backstage-plugin-innersource-common';
import {
  CodeHostFactsProvider,
  CodeHostLocation,
  CodeHostReadRequest,
  CodeHostReadResult,
} from '@innersource/backstage-plugin-innersource-node';

/** The annotation the test provider locates repositories by: `owner/name`. */
export const TEST_SLUG_ANNOTATION = 'test.example/project-slug';

export const TEST_HOST = 'code.example.com';

export function testRepository(
  slug: string,
  provider = 'test',
): CodeHostRepository {
  return {
    provider,
    host: TEST_HOST,
    slug,
    url: `https://${TEST_HOST}/${slug}`,
  };
}

/** Facts as a provider reads them; a README and no CODEOWNERS unless told. */
export function testFacts(
  slug: string,
  overrides: Partial<RepositoryFacts> = {},
  provider = 'test',
): RepositoryFacts {
  return {
    repository: testRepository(slug, provider),
    files: {
      readme: true,
      codeowners: false,
      contributing: true,
      license: true,
    },
    lastCommitAt: '2026-03-09T10:00:00Z',
    ...overrides,
  };
}

/**
 * A code-host provider for tests: it serves entities with
 * `test.example/project-slug` (a slug without a slash is unavailable, like a
 * malformed `github.com/project-slug`), spends one budget unit per
 * repository, and answers what `answer` says. Every request it got is kept.
 */
export class TestCodeHostProvider implements CodeHostFactsProvider {
  readonly userLoginAnnotation: string;
  /** The requests of each `read` call, in the order given. */
  readonly reads: CodeHostReadRequest[][] = [];

  constructor(
    readonly id = 'test',
    private readonly answer: (
      request: CodeHostReadRequest,
    ) => CodeHostReadResult | 'throw' = request => ({
      outcome: 'read',
      facts: testFacts(request.repository.slug, {}, id),
      changeToken: 'token-1',
    }),
  ) {
    this.userLoginAnnotation = `${id}.example/user-login`;
  }

  locate(entity: Entity): CodeHostLocation {
    const slug = entity.metadata.annotations?.[TEST_SLUG_ANNOTATION];
    if (slug === undefined) {
      return undefined;
    }
    if (!/^[\w.-]+\/[\w.-]+$/.test(slug)) {
      return {
        unavailable: `${TEST_SLUG_ANNOTATION} "${slug}" is not "owner/name"; write e.g. "acme/payments-gateway"`,
      };
    }
    return { repository: testRepository(slug, this.id) };
  }

  async read(
    requests: CodeHostReadRequest[],
    context: Parameters<CodeHostFactsProvider['read']>[1],
  ): Promise<void> {
    this.reads.push(requests);
    for (const request of requests) {
      if (!context.budget.take(1)) {
        return;
      }
      const result = this.answer(request);
      if (result === 'throw') {
        throw new Error('the code host cannot be reached at all');
      }
      await context.onResult(request.key, result);
    }
  }

  /** The slugs asked for in each `read`, in order. */
  slugsRead(): string[][] {
    return this.reads.map(requests => requests.map(r => r.repository.slug));
  }
}
