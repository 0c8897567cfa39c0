import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { DocumentCollatorFactory, IndexableDocument } from '@backstage/plugin-search-common';
// Uncomment if your data source requires permission-based visibility filtering:
// import { Permission } from '@backstage/plugin-permission-common';
import { Readable } from 'node:stream';

export type InnersourceCollatorFactoryOptions = {
  logger: LoggerService;
};

export class InnersourceCollatorFactory implements DocumentCollatorFactory {
  public readonly type = 'innersource';

  // Uncomment if your data source requires permission-based visibility filtering:
  // public readonly visibilityPermission: Permission = yourPermission;

  private readonly logger: LoggerService;

  static fromConfig(
    _config: Config,
    options: InnersourceCollatorFactoryOptions,
  ): InnersourceCollatorFactory {
    return new InnersourceCollatorFactory(options);
  }

  private constructor(options: InnersourceCollatorFactoryOptions) {
    this.logger = options.logger;
  }

  async getCollator(): Promise<Readable> {
    return Readable.from(this.execute());
  }

  private async *execute(): AsyncGenerator<IndexableDocument> {
    this.logger.info(`Collating documents for innersource`);

    // TODO: Replace this with your data fetching logic.
    // Each yielded document must include at minimum: title, text, and location.
    //
    // Example:
    //   const items = await fetchItems();
    //   for (const item of items) {
    //     yield {
    //       title: item.name,
    //       text: item.description ?? '',
    //       location: `/your-plugin/${item.id}`,
    //     };
    //   }

    // Uncomment if you need cursor-based pagination for large datasets:
    // let cursor: string | undefined = undefined;
    // do {
    //   const response = await fetchPage({ cursor });
    //   for (const item of response.items) {
    //     yield { title: item.name, text: item.description ?? '', location: `/your-plugin/${item.id}` };
    //   }
    //   cursor = response.nextCursor;
    // } while (cursor);

    yield* [];
  }
}
