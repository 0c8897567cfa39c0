import { mergeRequestState } from './gitlabJson';
import { FixtureProject } from './seed';

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
<p><strong>Demo GitLab fixture</strong>: a local stand-in for GitLab that the InnerSource demo reads. Not a real project.</p>
<h1>${escapeHtml(title)}</h1>
${lines.map(line => `<p>${escapeHtml(line)}</p>`).join('\n')}
</body></html>
`;
}

type Page = { status: number; html: string; redirect?: string };

const notFound = (what: string): Page => ({
  status: 404,
  html: html('Not found', [`The demo GitLab fixture has no ${what}.`]),
});

/**
 * The tiny web pages behind the demo's links: a project (`/<path>`, and any
 * `/<path>/-/tree/…` or `/-/blob/…` below it), its issues
 * (`/<path>/-/issues/<iid>`) and merge requests
 * (`/<path>/-/merge_requests/<iid>`), so that no link in the demo is dead.
 * A moved project's old path redirects to the new one, as on GitLab. Every
 * text is escaped.
 */
export function fixturePage(
  path: string,
  context: {
    webUrl: string;
    findProject(path: string): FixtureProject | undefined;
  },
): Page {
  const [projectPart, section = ''] = path.split('/-/', 2);
  const projectPath = projectPart
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent)
    .join('/');
  if (!projectPath) {
    return {
      status: 200,
      html: html('Demo GitLab fixture', [
        'REST API v4 under /api/v4; projects at /<group>/<project>.',
      ]),
    };
  }
  const project = context.findProject(projectPath);
  if (!project) {
    return notFound(`project ${projectPath}`);
  }
  if (project.path.toLowerCase() !== projectPath.toLowerCase()) {
    return {
      status: 301,
      html: '',
      redirect: `${context.webUrl}/${project.path}${
        section ? `/-/${section}` : ''
      }`,
    };
  }
  const [kind, item] = section.split('/');
  if (kind === 'issues' && item) {
    const issue = project.issues.find(i => String(i.iid) === item);
    return issue
      ? {
          status: 200,
          html: html(
            `Demo GitLab fixture — ${project.path} issue #${issue.iid}: ${issue.title}`,
            [
              `Labels: ${issue.labels.join(', ') || 'none'}`,
              `Opened ${issue.createdAt}${
                issue.closedAt ? `, closed ${issue.closedAt}` : ''
              }`,
            ],
          ),
        }
      : notFound(`issue #${item} in ${project.path}`);
  }
  if (kind === 'merge_requests' && item) {
    const mr = project.mergeRequests.find(m => String(m.iid) === item);
    return mr
      ? {
          status: 200,
          html: html(
            `Demo GitLab fixture — ${project.path} merge request !${mr.iid}: ${mr.title}`,
            [
              `By ${mr.author.username}, opened ${mr.createdAt}`,
              mr.mergedAt
                ? `Merged ${mr.mergedAt}`
                : `State: ${mergeRequestState(mr)}`,
            ],
          ),
        }
      : notFound(`merge request !${item} in ${project.path}`);
  }
  return {
    status: 200,
    html: html(`Demo GitLab fixture — ${project.path}`, [
      project.description,
      `Default branch ${project.defaultBranch ?? 'none'}; last commit ${
        project.lastCommitAt ?? 'never (empty repository)'
      }.`,
      `Files: ${[...project.files.keys()].join(', ') || 'none'}`,
      `${project.issues.filter(i => !i.closedAt).length} open issues, ${
        project.mergeRequests.length
      } merge requests.`,
    ]),
  };
}
