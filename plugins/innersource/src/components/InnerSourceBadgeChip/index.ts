export { InnerSourceBadgeChip } from './InnerSourceBadgeChip';
export type { InnerSourceBadgeChipProps } from './InnerSourceBadgeChip';
