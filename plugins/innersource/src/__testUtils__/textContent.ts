import { MatcherFunction } from '@testing-library/react';

/**
 * Matches the innermost element whose whole text matches, for sentences that
 * untrusted values (each in its own `<bdi>`) break into several text nodes.
 */
export function textContent(pattern: RegExp): MatcherFunction {
  return (_content, element) => {
    if (!element || !pattern.test(element.textContent ?? '')) {
      return false;
    }
    return Array.from(element.children).every(
      child => !pattern.test(child.textContent ?? ''),
    );
  };
}
