/** "To: 10A, 10B" for staff; nothing for a whole-course announcement. */
export function AnnouncementAudience({ sections }: { sections: { id: string; name: string }[] }) {
  if (sections.length === 0) return null;
  return (
    <p className="text-sm font-medium text-ink-muted">
      To: {sections.map((section) => section.name).join(", ")}
    </p>
  );
}
