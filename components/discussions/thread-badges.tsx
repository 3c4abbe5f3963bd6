/** The state of a thread as small labelled badges: pinned, locked, removed. */
export function ThreadBadges({ pinned, locked, removed = false }: { pinned: boolean; locked: boolean; removed?: boolean }) {
  const badge = "inline-block rounded-full px-2 py-0.5 text-xs font-semibold";
  return (
    <>
      {pinned ? <span className={`${badge} bg-brand-50 text-brand-800`}>Pinned</span> : null}
      {locked ? <span className={`${badge} bg-warning-50 text-warning-800`}>Locked</span> : null}
      {removed ? <span className={`${badge} bg-danger-50 text-danger-700`}>Removed</span> : null}
    </>
  );
}
