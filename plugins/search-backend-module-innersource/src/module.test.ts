import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { searchModuleInnerSource } from './module';

describe('searchModuleInnerSource', () => {
  it('registers the help-wanted collator on the configured schedule', async () => {
    const addCollator = jest.fn();
    const createScheduledTaskRunner = jest
      .fn()
      .mockReturnValue({ run: jest.fn() });
    await startTestBackend({
      extensionPoints: [
        [
          searchIndexRegistryExtensionPoint,
          { addCollator, addDecorator: jest.fn() },
        ],
      ],
      features: [
        searchModuleInnerSource,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            innersource: {
              search: {
                schedule: {
                  frequency: { minutes: 30 },
                  timeout: { minutes: 5 },
                },
              },
            },
          },
        }),
        mockServices.scheduler.mock({ createScheduledTaskRunner }).factory,
      ],
    });

    expect(createScheduledTaskRunner).toHaveBeenCalledWith({
      frequency: { minutes: 30 },
      timeout: { minutes: 5 },
    });
    expect(addCollator).toHaveBeenCalledTimes(1);
    expect(addCollator.mock.calls[0][0].factory.type).toBe(
      'innersource-help-wanted',
    );
  });
});
