import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { InnerSourceClient, innerSourceApiRef } from '../../api';
import { paymentsGateway } from '../../__testUtils__/boardItems';
import { OfferHelpButton } from './OfferHelpButton';

const INTEREST_URL =
  'http://example.com/api/innersource/board/component/default/payments-gateway/interest';

const server = setupServer();
registerMswTestHooks(server);

function renderButton() {
  const alertApi = mockApis.alert();
  renderInTestApp(<OfferHelpButton item={paymentsGateway} />, {
    apis: [
      alertApi,
      [
        innerSourceApiRef,
        new InnerSourceClient({
          discoveryApi: mockApis.discovery(),
          fetchApi: mockApis.fetch(),
        }),
      ],
    ],
  });
  return { alertApi };
}

async function openDialog() {
  await userEvent.click(
    await screen.findByRole('button', {
      name: 'I want to help with Payments Gateway',
    }),
  );
  return screen.findByRole('dialog', {
    name: 'Offer help to Payments Gateway',
  });
}

describe('OfferHelpButton', () => {
  it('sends the chosen ask and message and says which team was notified', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(INTEREST_URL, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(
          { notified: 'group:default/payments' },
          { status: 202 },
        );
      }),
    );
    const { alertApi } = renderButton();

    const dialog = await openDialog();
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Ask (optional)'),
      'Add Klarna as a payment provider',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Message (optional)'),
      'I built this before.',
    );
    expect(within(dialog).getByText('20 / 1000 characters')).toBeVisible();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send' }));

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(bodies).toEqual([
      {
        ask: 'Add Klarna as a payment provider',
        message: 'I built this before.',
      },
    ]);
    expect(alertApi.getAlerts()).toEqual([
      expect.objectContaining({
        message: 'The payments team was notified',
        severity: 'success',
      }),
    ]);
  });

  it('shows the backend message when the user offered help too often', async () => {
    const message =
      'You have offered help too often; try again after 2026-11-22T10:00:00.000Z';
    server.use(
      http.post(INTEREST_URL, () =>
        HttpResponse.json(
          {
            error: { name: 'TooManyRequestsError', message },
            request: { method: 'POST', url: '/board' },
            response: { statusCode: 429 },
          },
          { status: 429, headers: { 'Retry-After': '86400' } },
        ),
      ),
    );
    const { alertApi } = renderButton();

    const dialog = await openDialog();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(message);
    expect(alertApi.getAlerts()).toEqual([]);
  });

  it('closes without sending on Cancel', async () => {
    const requests: Request[] = [];
    server.use(
      http.post(INTEREST_URL, ({ request }) => {
        requests.push(request);
        return HttpResponse.json({ notified: 'group:default/payments' });
      }),
    );
    renderButton();

    const dialog = await openDialog();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(requests).toEqual([]);
  });
});
