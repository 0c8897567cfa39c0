export { UntrustedText } from './UntrustedText';
