/** The path of the entity tab, relative to the entity page; the card links to it. */
export const ENTITY_TAB_PATH = 'innersource';
