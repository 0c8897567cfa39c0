export { EntityInnerSourceCard } from './EntityInnerSourceCard';
