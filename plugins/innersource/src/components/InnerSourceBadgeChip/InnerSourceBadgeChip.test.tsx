import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { InnerSourceBadgeLinks } from '@innersource/backstage-plugin-innersource-common';
import { InnerSourceApi } from '../../api';
import {
  bareEntity,
  completeEntity,
  malformedEntity,
} from '../../__testUtils__/entities';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { EntityInnerSourceCard } from '../EntityInnerSourceCard';
import { InnerSourceBadgeChip } from './InnerSourceBadgeChip';

const BASE = 'https://backstage.example.com/api/innersource/badges';
const ENTITY_URL =
  'https://backstage.example.com/catalog/default/component/payments-gateway';

const links: InnerSourceBadgeLinks = {
  obfuscated: false,
  entityUrl: ENTITY_URL,
  badges: [
    {
      badge: 'contributions',
      url: `${BASE}/component/default/payments-gateway/contributions`,
      data: {
        badge: 'contributions',
        label: 'contributions',
        message: 'welcome',
        color: '#2e7d32',
      },
    },
    {
      badge: 'score',
      url: `${BASE}/component/default/payments-gateway/score`,
      data: {
        badge: 'score',
        label: 'innersource score',
        message: '87',
        color: '#2e7d32',
      },
    },
  ],
};

function apiAnswering(
  getBadgeLinks: InnerSourceApi['getBadgeLinks'],
): InnerSourceApi {
  return { getBadgeLinks } as Partial<InnerSourceApi> as InnerSourceApi;
}

describe('InnerSourceBadgeChip', () => {
  it('is shown only for entities that want contributions', async () => {
    const api = apiAnswering(async () => links);
    for (const entity of [bareEntity, malformedEntity]) {
      const { unmount } = await renderWithEntity(
        <InnerSourceBadgeChip />,
        entity,
        {
          innerSourceApi: api,
        },
      );
      expect(
        screen.queryByText('Contributions welcome'),
      ).not.toBeInTheDocument();
      unmount();
    }
    await renderWithEntity(<InnerSourceBadgeChip />, completeEntity, {
      innerSourceApi: api,
    });
    expect(screen.getByText('Contributions welcome')).toBeInTheDocument();
  });

  it('opens the dialog from the Overview card, whose Contributions welcome chip it is', async () => {
    await renderWithEntity(<EntityInnerSourceCard />, completeEntity, {
      innerSourceApi: {
        ...apiAnswering(async () => links),
        getScorecardChecks: async () => ({ checks: [], levels: [] }),
        getEntityScorecard: async () => undefined,
      } as InnerSourceApi,
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Contributions welcome' }),
    );
    expect(
      await within(await screen.findByRole('dialog')).findByRole('region', {
        name: 'contributions badge',
      }),
    ).toBeInTheDocument();
  });

  it('opens a dialog with every badge and its Markdown, HTML and AsciiDoc snippets', async () => {
    const getBadgeLinks = jest.fn(async () => links);
    await renderWithEntity(<InnerSourceBadgeChip />, completeEntity, {
      innerSourceApi: apiAnswering(getBadgeLinks),
    });
    expect(getBadgeLinks).not.toHaveBeenCalled();
    await userEvent.click(screen.getByText('Contributions welcome'));

    const dialog = await screen.findByRole('dialog', {
      name: 'README badges',
    });
    expect(getBadgeLinks).toHaveBeenCalledWith(
      'component:default/payments-gateway',
    );
    const score = await within(dialog).findByRole('region', {
      name: 'score badge',
    });
    expect(within(score).getByRole('img')).toHaveAttribute(
      'src',
      links.badges[1].url,
    );
    expect(within(score).getByRole('img')).toHaveAttribute(
      'alt',
      'innersource score: 87',
    );
    expect(
      within(score).getByText(
        `[![innersource score: 87](${links.badges[1].url})](${ENTITY_URL})`,
      ),
    ).toBeInTheDocument();
    expect(
      within(score).getByText(
        `<a href="${ENTITY_URL}"><img src="${links.badges[1].url}" alt="innersource score: 87"></a>`,
      ),
    ).toBeInTheDocument();
    expect(
      within(score).getByRole('button', {
        name: 'Copy AsciiDoc for the score badge',
      }),
    ).toBeInTheDocument();
    expect(within(dialog).getAllByRole('img')).toHaveLength(2);
  });

  it('shows the error when the links cannot be loaded', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'NotFoundError', message: 'No badges here' },
        response: { statusCode: 404 },
      }),
      { status: 404, headers: { 'Content-Type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    await renderWithEntity(<InnerSourceBadgeChip />, completeEntity, {
      innerSourceApi: apiAnswering(async () => {
        throw error;
      }),
    });
    await userEvent.click(screen.getByText('Contributions welcome'));
    // The error panel shows the message, and again in its details once the
    // code highlighter has loaded.
    const messages = await within(
      await screen.findByRole('dialog'),
    ).findAllByText(/No badges here/);
    expect(messages[0]).toBeInTheDocument();
  });
});
