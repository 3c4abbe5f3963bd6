/** A code to check, typed by hand: a plain GET form (no script), answered by /certificates/verify. */
export function VerifyCodeForm({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <form method="get" action="/certificates/verify" className="flex flex-col gap-2 rounded-card border border-slate-200 bg-white p-4 sm:flex-row sm:items-end">
      <div className="flex flex-1 flex-col gap-1">
        <label htmlFor="certificate-code" className="text-sm font-medium">
          Check another certificate code
        </label>
        <input
          id="certificate-code"
          name="code"
          defaultValue={defaultValue}
          required
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          placeholder="XXXX-XXXX-XXXX-XXXX"
          className="rounded-md border border-slate-300 px-3 py-2 font-mono uppercase"
        />
      </div>
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
        Verify
      </button>
    </form>
  );
}
