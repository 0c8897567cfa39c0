import { screen } from '@testing-library/react';
import {
  EntityInnerSourceCard,
  EntityInnerSourceContent,
  innersourcePlugin,
  isInnerSourceAvailable,
} from './index';
import { bareEntity, completeEntity } from './__testUtils__/entities';
import { renderWithEntity } from './__testUtils__/renderWithEntity';

describe('the legacy frontend system exports', () => {
  it('provide the plugin with id innersource', () => {
    expect(innersourcePlugin.getId()).toBe('innersource');
  });

  it('tell EntitySwitch whether an entity has innersource annotations', () => {
    expect(isInnerSourceAvailable(completeEntity)).toBe(true);
    expect(isInnerSourceAvailable(bareEntity)).toBe(false);
  });

  it('render the tab content as a component extension', async () => {
    await renderWithEntity(<EntityInnerSourceContent />, completeEntity);
    expect(
      await screen.findByRole('heading', { name: 'Help wanted' }),
    ).toBeInTheDocument();
  });

  it('render the card as a component extension', async () => {
    await renderWithEntity(<EntityInnerSourceCard />, completeEntity);
    expect(
      await screen.findByText('Contributions welcome'),
    ).toBeInTheDocument();
  });
});
