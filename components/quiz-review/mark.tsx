/** "Right" or "Wrong" in words as well as colour and sign, so neither is needed to tell them apart. */
export function Mark({ right, rightText = "Right", wrongText = "Wrong" }: { right: boolean; rightText?: string; wrongText?: string }) {
  return right ? (
    <span className="shrink-0 text-xs font-semibold text-success-700">
      <span aria-hidden="true">✓ </span>
      {rightText}
    </span>
  ) : (
    <span className="shrink-0 text-xs font-semibold text-danger-700">
      <span aria-hidden="true">✗ </span>
      {wrongText}
    </span>
  );
}
