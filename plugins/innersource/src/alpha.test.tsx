import { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import packageDefault from './index';
import plugin, {
  innerSourceEntityCard,
  innerSourceEntityContent,
} from './alpha';
import { bareEntity, completeEntity } from './__testUtils__/entities';

function ofKind(kind: string): Entity {
  return { ...bareEntity, kind };
}

describe('the new frontend system plugin', () => {
  it('is the default export of the package root and of /alpha', () => {
    expect(packageDefault).toBe(plugin);
    expect(plugin.pluginId).toBe('innersource');
    expect(plugin.$$type).toBe('@backstage/FrontendPlugin');
  });

  it('adds the InnerSource tab to components, systems, APIs and resources', () => {
    const tester = createExtensionTester(innerSourceEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('innersource');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'InnerSource',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    for (const kind of ['Component', 'System', 'API', 'Resource']) {
      expect(filter(ofKind(kind))).toBe(true);
    }
    for (const kind of ['Group', 'User', 'Domain', 'Location']) {
      expect(filter(ofKind(kind))).toBe(false);
    }
  });

  it('shows the card only on entities with innersource annotations', () => {
    const tester = createExtensionTester(innerSourceEntityCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(completeEntity)).toBe(true);
    expect(filter(bareEntity)).toBe(false);
  });

  it('renders the tab on an entity page', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: completeEntity }),
        innerSourceEntityContent,
      ],
    });
    expect(
      await screen.findByRole('heading', { name: 'Help wanted' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'How to contribute' }),
    ).toBeInTheDocument();
  });

  it('renders the card on an entity page', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: completeEntity }),
        innerSourceEntityCard,
      ],
    });
    expect(
      await screen.findByRole('heading', { name: 'InnerSource' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Contributions welcome')).toBeInTheDocument();
  });
});
