import { screen, within } from '@testing-library/react';
import {
  bareEntity,
  completeEntity,
  expiredEntity,
  hostileEntity,
  malformedEntity,
} from '../../__testUtils__/entities';
import {
  expectNoInjectedMarkup,
  renderWithEntity,
} from '../../__testUtils__/renderWithEntity';
import { EntityInnerSourceCard } from './EntityInnerSourceCard';

describe('EntityInnerSourceCard', () => {
  it('summarises a complete profile', async () => {
    await renderWithEntity(<EntityInnerSourceCard />, completeEntity);

    expect(
      screen.getByRole('heading', { name: 'InnerSource' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Contributions welcome')).toBeInTheDocument();
    expect(screen.getByText('3 open asks')).toBeInTheDocument();
    const skills = screen.getByLabelText('Top skills');
    expect(within(skills).getByText('kotlin')).toBeInTheDocument();
    expect(within(skills).getByText('kafka')).toBeInTheDocument();
    expect(within(skills).queryByText('grpc')).not.toBeInTheDocument();
    expect(within(skills).getByText('+1 more')).toBeInTheDocument();
    expect(screen.getByText('No annotation problems')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /View InnerSource details/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-gateway/innersource',
    );
  });

  it('counts no open asks after help-wanted-until', async () => {
    await renderWithEntity(<EntityInnerSourceCard />, expiredEntity);
    expect(screen.getByText('0 open asks (2 expired)')).toBeInTheDocument();
  });

  it('counts errors and warnings and links them to the tab', async () => {
    await renderWithEntity(<EntityInnerSourceCard />, malformedEntity);

    const link = screen.getByRole('link', {
      name: /\d+ errors?, 1 warning in the annotations/,
    });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/image-resizer/innersource',
    );
    expect(
      screen.getByText('Not asking for contributions'),
    ).toBeInTheDocument();
  });

  it('points to the tab when the entity has no annotations', async () => {
    await renderWithEntity(<EntityInnerSourceCard />, bareEntity);
    expect(
      screen.getByRole('link', { name: 'See how to add them' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/auth-service/innersource',
    );
  });

  it('renders hostile annotation values as text only', async () => {
    const { container } = await renderWithEntity(
      <EntityInnerSourceCard />,
      hostileEntity,
    );
    expect(screen.getByText('Contributions welcome')).toBeInTheDocument();
    expectNoInjectedMarkup(container);
  });
});
