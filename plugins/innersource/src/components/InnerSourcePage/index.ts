export { InnerSourcePage, InnerSourceTabs } from './InnerSourcePage';
