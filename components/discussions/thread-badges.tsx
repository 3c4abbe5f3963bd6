/** The state of a thread as small labelled badges: its section ("10A"), pinned, locked, removed. */
export function ThreadBadges({
  pinned,
  locked,
  removed = false,
  section = null,
}: {
  pinned: boolean;
  locked: boolean;
  removed?: boolean;
  section?: { name: string } | null;
}) {
  const badge = "inline-block rounded-full px-2 py-0.5 text-xs font-semibold";
  return (
    <>
      {section ? (
        <span className={`${badge} bg-slate-100 text-ink`}>
          <span className="sr-only">Section </span>
          {section.name}
        </span>
      ) : null}
      {pinned ? <span className={`${badge} bg-brand-50 text-brand-800`}>Pinned</span> : null}
      {locked ? <span className={`${badge} bg-warning-50 text-warning-800`}>Locked</span> : null}
      {removed ? <span className={`${badge} bg-danger-50 text-danger-700`}>Removed</span> : null}
    </>
  );
}
