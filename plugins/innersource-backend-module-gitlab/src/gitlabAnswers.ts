/**
 * The parts of GitLab REST v4 answers this module reads, as GitLab documents
 * them. Every text in them is untrusted.
 */

/** `GET /projects/:id?license=true` */
export type GitlabProjectAnswer = {
  id: number;
  path_with_namespace: string;
  web_url?: string;
  /** Null for an empty repository. */
  default_branch?: string | null;
  last_activity_at: string;
  archived?: boolean;
  empty_repo?: boolean;
  license?: { key?: string; name?: string } | null;
};

/** An item of `GET /groups/:group/projects?simple=true` */
export type GitlabListedProject = {
  id: number;
  path_with_namespace: string;
  last_activity_at: string;
};

/** An item of `GET /projects/:id/repository/tree` */
export type GitlabTreeEntry = {
  name: string;
  type: 'blob' | 'tree' | 'commit';
  path?: string;
};

/** The `author` of merge requests and notes. */
export type GitlabUserAnswer = {
  id?: number;
  username: string;
  /** GitLab 15.x and later mark bot users (project and group access tokens, service accounts). */
  bot?: boolean;
} | null;

/** An item of `GET /projects/:id/issues` */
export type GitlabIssueAnswer = {
  iid: number;
  title: string;
  web_url?: string;
  labels?: string[];
  created_at: string;
};

/** An item of `GET /projects/:id/repository/commits` */
export type GitlabCommitAnswer = {
  id: string;
  committed_date: string;
};

/** An item of `GET /projects/:id/merge_requests` */
export type GitlabMergeRequestAnswer = {
  iid: number;
  web_url?: string;
  author: GitlabUserAnswer;
  created_at: string;
  merged_at?: string | null;
  state?: string;
};

/** An item of `GET /projects/:id/merge_requests/:iid/notes` */
export type GitlabNoteAnswer = {
  id: number;
  body?: string;
  author: GitlabUserAnswer;
  created_at: string;
  system?: boolean;
};
