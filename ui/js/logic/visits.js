// What the counts keep of a visitor (see lighthouse_core::counts): a visit each time the
// slideshow is left and comes back, its length, each screen opened and each language
// chosen. Nothing about who. Plain logic, fed each change of the mode state.

/**
 * The count events for a change of the mode state from `before` to `after`, and when the
 * visit under way began (`visitStart`, a time of the state's clock, or null): `{events,
 * visitStart}`.
 */
export function countChange(before, after, visitStart) {
  const events = [];
  let start = visitStart;
  if (before.mode === 'attract' && after.mode !== 'attract') start = after.lastTouch;
  if (before.mode !== 'attract' && after.mode === 'attract' && start !== null) {
    events.push({ kind: 'visit', seconds: Math.round((before.lastTouch - start) / 1000) });
    start = null;
  }
  const opened = after.mode !== 'attract' && (before.screen !== after.screen || before.item !== after.item);
  if (opened && after.screen !== 'home') {
    events.push({ kind: 'screen', screen: after.screen, item: after.screen === 'story' ? after.item : null });
  }
  if (before.lang !== after.lang && after.mode !== 'attract') events.push({ kind: 'language', lang: after.lang });
  return { events, visitStart: start };
}
