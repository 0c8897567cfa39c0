import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { SearchDocument } from '@backstage/plugin-search-common';
import { HOSTILE_HTML, HOSTILE_URL } from '../../__testUtils__/entities';
import { expectNoInjectedMarkup } from '../../__testUtils__/renderWithEntity';
import { HelpWantedSearchResultListItem } from './HelpWantedSearchResultListItem';

const result = {
  title: 'Add Klarna as a payment method',
  text: 'Add Klarna as a payment method\nTakes card payments\ntypescript kotlin',
  location: '/catalog/default/component/payments-gateway/innersource',
  entityRef: 'component:default/payments-gateway',
  entityTitle: 'Payments Gateway',
  owner: 'group:default/payments',
  askType: 'code',
  skills: ['typescript', 'kotlin'],
  contributionTypes: ['code', 'docs'],
} as SearchDocument;

describe('HelpWantedSearchResultListItem', () => {
  it('shows the ask as a link to the InnerSource tab, with entity, owner, type and skills', async () => {
    await renderInTestApp(<HelpWantedSearchResultListItem result={result} />);

    const link = screen.getByRole('link', {
      name: 'Add Klarna as a payment method',
    });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-gateway/innersource',
    );
    expect(screen.getByText('Payments Gateway')).toBeInTheDocument();
    expect(screen.getByText('payments')).toBeInTheDocument();
    expect(screen.getByText('code')).toBeInTheDocument();
    expect(screen.getByText('typescript')).toBeInTheDocument();
    expect(screen.getByText('kotlin')).toBeInTheDocument();
  });

  it('renders without the optional fields', async () => {
    await renderInTestApp(
      <HelpWantedSearchResultListItem
        result={{ title: 'Write docs', text: '', location: '/catalog/x' }}
      />,
    );
    expect(
      screen.getByRole('link', { name: 'Write docs' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Help wanted')).toBeInTheDocument();
  });

  it('renders hostile values as plain text and links only app paths', async () => {
    const { container } = await renderInTestApp(
      <HelpWantedSearchResultListItem
        result={
          {
            title: HOSTILE_HTML,
            text: HOSTILE_HTML,
            location: HOSTILE_URL,
            entityTitle: HOSTILE_HTML,
            owner: HOSTILE_HTML,
            askType: HOSTILE_HTML,
            skills: [HOSTILE_HTML, 42],
          } as unknown as SearchDocument
        }
      />,
    );
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getAllByText(HOSTILE_HTML).length).toBeGreaterThanOrEqual(4);
    expectNoInjectedMarkup(container);
  });
});
