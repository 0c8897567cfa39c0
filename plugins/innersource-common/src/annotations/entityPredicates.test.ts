import { Entity } from '@backstage/catalog-model';
import {
  hasInnerSourceAnnotations,
  isContributionWanted,
} from './entityPredicates';

function entityWith(annotations?: Record<string, unknown>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x', annotations } as Entity['metadata'],
  };
}

describe('hasInnerSourceAnnotations', () => {
  it('is true when any innersource/* annotation is present, even an unknown one', () => {
    expect(
      hasInnerSourceAnnotations(entityWith({ 'innersource/skils': 'go' })),
    ).toBe(true);
  });

  it('is false without innersource/* annotations', () => {
    expect(hasInnerSourceAnnotations(entityWith())).toBe(false);
    expect(
      hasInnerSourceAnnotations(entityWith({ 'backstage.io/x': 'y' })),
    ).toBe(false);
  });
});

describe('isContributionWanted', () => {
  it.each([
    ['true', true],
    [' True ', true],
    ['false', false],
    ['yes', false],
    [true, false],
    [undefined, false],
  ])('reads contributions-wanted %j as %s', (value, expected) => {
    expect(
      isContributionWanted(
        entityWith({ 'innersource/contributions-wanted': value }),
      ),
    ).toBe(expected);
  });
});
