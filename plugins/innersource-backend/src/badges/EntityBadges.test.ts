import { badgeEntityRef } from './EntityBadges';

describe('badgeEntityRef', () => {
  it('gives the lower-case full ref the board and scorecards use', () => {
    expect(
      badgeEntityRef({
        kind: 'Component',
        namespace: 'Default',
        name: 'Payments-Gateway',
      }),
    ).toBe('component:default/payments-gateway');
  });
});
