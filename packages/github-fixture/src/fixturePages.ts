import { FixturePullRequest, FixtureRepository } from './seed';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => ESCAPES[c]);
}

function html(title: string, lines: string[]) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(
    title,
  )}</title></head>
<body style="font-family: sans-serif; max-width: 48rem; margin: 2rem auto">
<p><strong>Demo GitHub fixture</strong>: a local stand-in for GitHub that the InnerSource demo reads. Not a real repository.</p>
<h1>${escapeHtml(title)}</h1>
${lines.map(line => `<p>${escapeHtml(line)}</p>`).join('\n')}
</body></html>
`;
}

function pullRequestState(pr: FixturePullRequest): string {
  if (pr.mergedAt) {
    return `Merged ${pr.mergedAt}`;
  }
  return pr.closedAt ? `Closed ${pr.closedAt}` : 'Open';
}

type Page = { status: number; html: string; redirect?: string };

/**
 * The tiny web pages behind the demo's links (`/{owner}/{repo}`, its issues and
 * pull requests), so that no link in the demo is dead. Every text is escaped.
 */
export function fixturePage(
  path: string,
  context: {
    webUrl: string;
    findRepository(owner: string, name: string): FixtureRepository | undefined;
  },
): Page {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) {
    return {
      status: 200,
      html: html('Demo GitHub fixture', [
        'GraphQL: POST /api/graphql; REST: /api/v3; repositories: /{owner}/{repo}.',
      ]),
    };
  }
  const [owner, name, section, item] = parts;
  const repo = name ? context.findRepository(owner, name) : undefined;
  if (!repo) {
    return {
      status: 404,
      html: html('Not found', [
        `The demo GitHub fixture has no ${parts.slice(0, 2).join('/')}.`,
      ]),
    };
  }
  const fullName = `${repo.owner}/${repo.name}`;
  if (repo.name !== name) {
    // Renamed: GitHub redirects the old web address to the new one.
    return {
      status: 301,
      html: '',
      redirect: `${context.webUrl}/${[repo.owner, repo.name, ...parts.slice(2)]
        .map(encodeURIComponent)
        .join('/')}`,
    };
  }
  if (section === 'issues' && item) {
    const issue = repo.issues.find(i => String(i.number) === item);
    if (issue) {
      return {
        status: 200,
        html: html(
          `Demo GitHub fixture — ${fullName} issue #${issue.number}: ${issue.title}`,
          [
            `Labels: ${issue.labels.join(', ') || 'none'}`,
            `Opened ${issue.createdAt}${
              issue.closedAt ? `, closed ${issue.closedAt}` : ''
            }`,
          ],
        ),
      };
    }
  }
  if (section === 'pull' && item) {
    const pr = repo.pullRequests.find(p => String(p.number) === item);
    if (pr) {
      return {
        status: 200,
        html: html(
          `Demo GitHub fixture — ${fullName} pull request #${pr.number}: ${pr.title}`,
          [
            `By ${pr.author?.login ?? 'ghost'}, opened ${pr.createdAt}`,
            pullRequestState(pr),
          ],
        ),
      };
    }
  }
  if ((section === 'issues' || section === 'pull') && item) {
    return {
      status: 404,
      html: html('Not found', [
        `${fullName} has no ${
          section === 'pull' ? 'pull request' : 'issue'
        } #${item}.`,
      ]),
    };
  }
  return {
    status: 200,
    html: html(`Demo GitHub fixture — ${fullName}`, [
      repo.description,
      `Default branch ${repo.defaultBranch}; last push ${
        repo.pushedAt ?? 'never (empty repository)'
      }.`,
      `Files: ${[...repo.files.keys()].join(', ') || 'none'}`,
      `${repo.issues.filter(i => !i.closedAt).length} open issues, ${
        repo.pullRequests.length
      } pull requests.`,
    ]),
  };
}
