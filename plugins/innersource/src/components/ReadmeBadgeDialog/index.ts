export { ReadmeBadgeDialog } from './ReadmeBadgeDialog';
export type { ReadmeBadgeDialogProps } from './ReadmeBadgeDialog';
export { badgeSnippets } from './badgeSnippets';
export type { BadgeSnippets } from './badgeSnippets';
