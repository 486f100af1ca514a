// What the counts keep of a visitor (see lighthouse_core::counts): a visit each time the
// slideshow is left and comes back, its length (from the first touch to the last), each
// screen opened and each language chosen. Nothing about who. A member of staff at the panel
// is not a visitor: a visit during which the panel opened is not counted. Plain logic, fed
// each change of the mode state.

/** No visit under way. */
export const NO_VISIT = { start: null, staff: false };

/** The visit under way, now known to be a member of staff's. */
export function byStaff(visit) {
  return { ...visit, staff: true };
}

/**
 * The count events for a change of the mode state from `before` to `after`, and the visit
 * under way after it (`{start, staff}`; `start` a time of the state's clock, or null):
 * `{events, visit}`.
 */
export function countChange(before, after, visit) {
  const events = [];
  let now = visit;
  if (before.mode === 'attract' && after.mode !== 'attract') now = { start: after.lastTouch, staff: false };
  if (before.mode !== 'attract' && after.mode === 'attract' && now.start !== null) {
    if (!now.staff) events.push({ kind: 'visit', seconds: Math.round((before.lastTouch - now.start) / 1000) });
    now = NO_VISIT;
  }
  const opened = after.mode !== 'attract' && (before.screen !== after.screen || before.item !== after.item);
  if (opened && after.screen !== 'home') {
    events.push({ kind: 'screen', screen: after.screen, item: after.screen === 'story' ? after.item : null });
  }
  if (before.lang !== after.lang && after.mode !== 'attract') events.push({ kind: 'language', lang: after.lang });
  // Reach mode is counted as a screen of its own: how many visits needed it.
  if (after.reach && !before.reach) events.push({ kind: 'screen', screen: 'reach', item: null });
  return { events, visit: now };
}
