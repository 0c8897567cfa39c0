import { screen, within } from '@testing-library/react';
import { parseInnerSourceAnnotations } from '@innersource/backstage-plugin-innersource-common';
import {
  bareEntity,
  BIDI,
  completeEntity,
  expiredEntity,
  HOSTILE_HTML,
  hostileEntity,
  hostileSourceEntity,
  malformedEntity,
} from '../../__testUtils__/entities';
import {
  expectNoInjectedMarkup,
  renderWithEntity,
} from '../../__testUtils__/renderWithEntity';
import { DEFAULT_ANNOTATION_DOCS_URL } from '../../hooks/useAnnotationDocsUrl';
import { EntityInnerSourceContent } from './EntityInnerSourceContent';

function field(label: string): HTMLElement {
  const terms = Array.from(document.querySelectorAll('dt')).filter(
    term => term.textContent === label,
  );
  expect(terms).toHaveLength(1);
  const definition = terms[0].nextElementSibling;
  expect(definition?.tagName).toBe('DD');
  return definition as HTMLElement;
}

describe('EntityInnerSourceContent', () => {
  it('renders every field of a complete profile', async () => {
    await renderWithEntity(<EntityInnerSourceContent />, completeEntity);

    expect(
      screen.getByRole('heading', { name: 'Help wanted' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'How to contribute' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No problems found in the innersource/* annotations.'),
    ).toBeInTheDocument();

    expect(field('Contributions wanted')).toHaveTextContent('Yes');
    expect(field('Help wanted until')).toHaveTextContent(/^2099-12-31$/);

    const asks = screen.getByRole('list', { name: 'Asks' });
    const items = within(asks).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('code');
    expect(items[0]).toHaveTextContent('Add Klarna as a payment provider');
    expect(items[1]).toHaveTextContent('docs');
    expect(items[2]).toHaveTextContent(
      /^Cover the capture retry policy with contract tests$/,
    );

    const skills = within(field('Skills'));
    for (const skill of ['kotlin', 'java', 'spring-boot', 'grpc']) {
      expect(skills.getByText(skill)).toBeInTheDocument();
    }
    expect(field('Contribution types')).toHaveTextContent('codedocstests');
    expect(field('Issue labels')).toHaveTextContent(
      'good first issuehelp wanted',
    );

    expect(
      within(field('Contribution guide')).getByRole('link', {
        name: /^CONTRIBUTING\.md/,
      }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme-retail/payments-gateway/tree/main/CONTRIBUTING.md',
    );
    expect(field('Chat')).toHaveTextContent('#payments-dev');
    expect(within(field('Chat')).queryByRole('link')).not.toBeInTheDocument();

    const committers = within(field('Trusted committers')).getAllByRole('link');
    expect(committers.map(link => link.getAttribute('href'))).toEqual([
      '/catalog/default/user/jane-doe',
      '/catalog/default/group/payments',
    ]);

    expect(field('Response time')).toHaveTextContent('2d');
    expect(field('Warranty')).toHaveTextContent('30d');
    expect(field('License')).toHaveTextContent('Apache-2.0');

    expect(
      screen.getByRole('heading', { name: 'Scorecard exemptions' }),
    ).toBeInTheDocument();
    expect(field('codeowners')).toHaveTextContent(
      'the whole team reviews every change',
    );
  });

  it('shows asks after help-wanted-until as expired, with the date', async () => {
    await renderWithEntity(<EntityInnerSourceContent />, expiredEntity);

    expect(field('Help wanted until')).toHaveTextContent(
      '2020-01-31 (expired)',
    );
    expect(screen.getByText(/^Expired on/)).toHaveTextContent(
      'Expired on 2020-01-31',
    );
    const items = within(
      screen.getByRole('list', { name: 'Asks' }),
    ).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item).toHaveTextContent('(expired)');
    }
  });

  it('links chat, guide and license URLs', async () => {
    await renderWithEntity(<EntityInnerSourceContent />, expiredEntity);

    expect(within(field('Chat')).getByRole('link')).toHaveAttribute(
      'href',
      'https://chat.acme.example/channels/refunds',
    );
    expect(
      within(field('Contribution guide')).getByRole('link'),
    ).toHaveAttribute('href', 'https://docs.acme.example/refunds/contributing');
    expect(within(field('License')).getByRole('link')).toHaveAttribute(
      'href',
      'https://licenses.acme.example/innersource-1.0',
    );
  });

  it('shows every problem with its severity, annotation, message and fix', async () => {
    const { problems } = parseInnerSourceAnnotations(malformedEntity);
    expect(problems.length).toBeGreaterThanOrEqual(4);

    await renderWithEntity(<EntityInnerSourceContent />, malformedEntity);

    const table = screen.getByRole('table', { name: 'Annotation problems' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(problems.length);

    for (const problem of problems) {
      const row = rows.find(
        r =>
          within(r).queryByText(problem.annotation) &&
          r.textContent?.includes(problem.message),
      );
      expect(row).toBeDefined();
      expect(row).toHaveTextContent(
        problem.severity === 'error' ? 'Error' : 'Warning',
      );
      expect(row).toHaveTextContent(problem.fix);
    }
    expect(rows[0]).toHaveTextContent('Error');
    expect(rows[rows.length - 1]).toHaveTextContent('Warning');
    expect(screen.getByText(/\d+ errors?, 1 warning/)).toBeInTheDocument();
  });

  it('offers a copyable annotation snippet when the entity has none', async () => {
    const { container } = await renderWithEntity(
      <EntityInnerSourceContent />,
      bareEntity,
    );

    expect(
      screen.getByRole('heading', { name: 'No InnerSource annotations yet' }),
    ).toBeInTheDocument();
    const snippet = container.querySelector('code.language-yaml');
    expect(snippet).toHaveTextContent(
      "innersource/contributions-wanted: 'true'",
    );
    expect(snippet).toHaveTextContent("innersource/skills: 'go, security'");
    expect(snippet).toHaveTextContent(
      "innersource/trusted-committers: 'group:default/payments'",
    );
    expect(screen.getByRole('button', { name: /copy/i })).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: /Read about every innersource\/\* annotation/,
      }),
    ).toHaveAttribute('href', DEFAULT_ANNOTATION_DOCS_URL);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('links the annotation docs the app config names', async () => {
    await renderWithEntity(<EntityInnerSourceContent />, bareEntity, {
      config: {
        innersource: { annotationDocsUrl: 'https://docs.acme.example/is' },
      },
    });
    expect(
      screen.getByRole('link', {
        name: /Read about every innersource\/\* annotation/,
      }),
    ).toHaveAttribute('href', 'https://docs.acme.example/is');
  });

  it('renders hostile annotation values as text only', async () => {
    const { container } = await renderWithEntity(
      <EntityInnerSourceContent />,
      hostileEntity,
    );

    expectNoInjectedMarkup(container);
    // The values are still shown, literally, where the maintainer needs them.
    expect(container.textContent).toContain(HOSTILE_HTML);
    expect(
      screen.getByRole('table', { name: 'Annotation problems' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/Error/).length).toBeGreaterThan(0);
    // Bidi controls stay inside an isolating element.
    const bidi = Array.from(container.querySelectorAll('bdi')).filter(el =>
      el.textContent?.includes(BIDI),
    );
    for (const element of bidi) {
      expect(element.children).toHaveLength(0);
    }
  });

  it('shows a repo path as text when the source location is not http(s)', async () => {
    const { container } = await renderWithEntity(
      <EntityInnerSourceContent />,
      hostileSourceEntity,
    );

    expectNoInjectedMarkup(container);
    const guide = field('Contribution guide');
    expect(guide).toHaveTextContent('docs/CONTRIBUTING.md');
    expect(within(guide).queryByRole('link')).not.toBeInTheDocument();
  });
});
