import { createHash } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  AnnotationProblem,
  formatAnnotationProblem,
  parseInnerSourceAnnotations,
} from '@innersource/backstage-plugin-innersource-common';

/** The cache key under which the processor remembers what it last logged for an entity. */
const LOGGED_PROBLEMS_KEY = 'logged-problems';

/** @public */
export type InnerSourceAnnotationsProcessorOptions = {
  logger: LoggerService;
  /**
   * Report error-severity problems as catalog processing errors. Note that the
   * catalog then keeps the entity's last good version (a new entity stays out)
   * until the annotations are fixed. Defaults to false.
   */
  strict?: boolean;
  /** The clock `help-wanted-until` is judged against; for tests. */
  now?: () => Date;
};

function entityRefOf(entity: Entity): string {
  try {
    return stringifyEntityRef(entity);
  } catch {
    return `${entity.kind}:${entity.metadata?.name}`;
  }
}

function fingerprint(problems: AnnotationProblem[]): string {
  if (problems.length === 0) {
    return '';
  }
  return createHash('sha256')
    .update(JSON.stringify(problems))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Checks the `innersource/*` annotations of every entity with the shared parser
 * and reports each problem, with the entity ref, the annotation, what is wrong
 * and the fix. It never changes, rejects or drops an entity.
 *
 * By default problems are logged: errors at `warn` and warnings at `info`
 * level, each time an entity's problems first appear or change (the processor
 * remembers what it logged in the catalog's per-entity processing cache, so a
 * refresh loop does not repeat the same lines every few minutes). In strict mode
 * (`innersource.annotations.strict: true`) error-severity problems also become
 * catalog processing errors, shown on the entity page.
 *
 * @public
 */
export class InnerSourceAnnotationsProcessor implements CatalogProcessor {
  private readonly logger: LoggerService;
  private readonly strict: boolean;
  private readonly now: () => Date;

  /** Reads `innersource.annotations.strict` (default false). */
  static fromConfig(
    config: Config,
    options: Omit<InnerSourceAnnotationsProcessorOptions, 'strict'>,
  ): InnerSourceAnnotationsProcessor {
    return new InnerSourceAnnotationsProcessor({
      ...options,
      strict:
        config.getOptionalBoolean('innersource.annotations.strict') ?? false,
    });
  }

  constructor(options: InnerSourceAnnotationsProcessorOptions) {
    this.logger = options.logger;
    this.strict = options.strict ?? false;
    this.now = options.now ?? (() => new Date());
  }

  getProcessorName(): string {
    return 'InnerSourceAnnotationsProcessor';
  }

  /**
   * Runs after validation rather than in `preProcessEntity` or
   * `validateEntityKind`: the entity is then complete (annotations added by other
   * processors included) and known to be valid, so its ref is sound and no
   * problems are reported for entities the catalog rejects anyway.
   * `validateEntityKind` answers "is this a kind I know?", which is not this
   * processor's question. Emitted errors fail the processing in any of the three
   * steps alike, which is why they are only emitted in strict mode.
   */
  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
    cache?: CatalogProcessorCache,
  ): Promise<Entity> {
    const { problems } = parseInnerSourceAnnotations(entity, {
      now: this.now(),
    });
    if (problems.length === 0 && !cache) {
      return entity;
    }

    const entityRef = entityRefOf(entity);
    await this.logProblems(entityRef, problems, cache);

    if (this.strict) {
      for (const problem of problems) {
        if (problem.severity === 'error') {
          emit(
            processingResult.generalError(
              location,
              formatAnnotationProblem(problem),
            ),
          );
        }
      }
    }
    return entity;
  }

  private async logProblems(
    entityRef: string,
    problems: AnnotationProblem[],
    cache?: CatalogProcessorCache,
  ) {
    const current = fingerprint(problems);
    if (cache) {
      const logged = (await cache.get<string>(LOGGED_PROBLEMS_KEY)) ?? '';
      if (logged === current) {
        return;
      }
      await cache.set(LOGGED_PROBLEMS_KEY, current);
    }
    for (const problem of problems) {
      const message = `InnerSource annotation ${
        problem.severity
      } on ${entityRef}: ${formatAnnotationProblem(problem)}`;
      const meta = {
        entity: entityRef,
        severity: problem.severity,
        annotation: problem.annotation,
        problem: problem.message,
        fix: problem.fix,
      };
      if (problem.severity === 'error') {
        this.logger.warn(message, meta);
      } else {
        this.logger.info(message, meta);
      }
    }
  }
}
