import { Entity } from '@backstage/catalog-model';
import {
  codeHostRepositoryKey,
  CodeHostRepository,
} from '@innersource/backstage-plugin-innersource-common';
import { CodeHostFactsProvider } from '@innersource/backstage-plugin-innersource-node';

/** Where an entity's repository is, as the installed providers see it. */
export type EntityRepositoryLocation =
  | {
      provider: CodeHostFactsProvider;
      repository: CodeHostRepository;
      /** `codeHostRepositoryKey(repository)`. */
      key: string;
    }
  /** A provider recognised the entity but cannot read it; the reason has the fix. */
  | { unavailable: string; provider?: CodeHostFactsProvider };

/**
 * The code-host providers the backend modules added, in the order they were
 * added. Each entity is served by the first one whose `locate` answers.
 */
export class CodeHostProviders {
  /**
   * Refuses two providers with one id: facts are stored under the provider's
   * id, and two providers would overwrite each other's.
   */
  static of(providers: readonly CodeHostFactsProvider[]): CodeHostProviders {
    const ids = new Set<string>();
    for (const provider of providers) {
      if (ids.has(provider.id)) {
        throw new Error(
          `Two code-host providers have the id "${provider.id}": install each code-host module (e.g. @innersource/backstage-plugin-innersource-backend-module-${provider.id}) only once`,
        );
      }
      ids.add(provider.id);
    }
    return new CodeHostProviders([...providers]);
  }

  private constructor(readonly list: readonly CodeHostFactsProvider[]) {}

  /** True when no code-host module is installed. */
  get isEmpty(): boolean {
    return this.list.length === 0;
  }

  byId(id: string): CodeHostFactsProvider | undefined {
    return this.list.find(provider => provider.id === id);
  }

  /**
   * Where the entity's repository is: the first provider's answer. A provider
   * that throws, against its contract, is passed over as if it did not know
   * the entity.
   */
  locate(entity: Entity): EntityRepositoryLocation {
    for (const provider of this.list) {
      let location;
      try {
        location = provider.locate(entity);
      } catch {
        continue;
      }
      if (!location) {
        continue;
      }
      if ('unavailable' in location) {
        return { unavailable: location.unavailable, provider };
      }
      return {
        provider,
        repository: location.repository,
        key: codeHostRepositoryKey(location.repository),
      };
    }
    const ids = this.list.map(provider => provider.id).join(', ');
    return {
      unavailable:
        `no installed code-host provider (${ids}) knows where this entity's repository is: ` +
        'give it e.g. github.com/project-slug or a backstage.io/source-location on a host under integrations',
    };
  }
}

/** A share of the code host's rate budget, spent by one cycle's providers in turn. */
export class CycleBudget {
  private left: number;

  constructor(units: number) {
    this.left = units;
  }

  take(cost = 1): boolean {
    if (cost > this.left) {
      return false;
    }
    this.left -= cost;
    return true;
  }

  remaining(): number {
    return this.left;
  }
}
