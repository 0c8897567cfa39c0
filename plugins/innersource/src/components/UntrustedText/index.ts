export { UntrustedChip, UntrustedText } from './UntrustedText';
