import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  CodeHostFactsProvider,
  innersourceCodeHostExtensionPoint,
} from '../codeHost';
import { createCodeHostFactsModule } from './createCodeHostFactsModule';

describe('createCodeHostFactsModule', () => {
  it('adds the provider it makes from the root config to the code-host extension point', async () => {
    const addProvider = jest.fn();
    const module = createCodeHostFactsModule({
      moduleId: 'example',
      createProvider: ({ config }): CodeHostFactsProvider => ({
        id: config.getString('innersource.example.id'),
        userLoginAnnotation: 'example.com/user-login',
        locate: () => undefined,
        read: async () => {},
      }),
    });
    await startTestBackend({
      extensionPoints: [[innersourceCodeHostExtensionPoint, { addProvider }]],
      features: [
        module,
        mockServices.rootConfig.factory({
          data: { innersource: { example: { id: 'example' } } },
        }),
      ],
    });
    expect(addProvider).toHaveBeenCalledTimes(1);
    expect(addProvider.mock.calls[0][0].id).toBe('example');
  });
});
