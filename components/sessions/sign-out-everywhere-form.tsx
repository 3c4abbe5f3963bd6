import { signOutEverywhereAction } from "@/lib/auth/actions/sign-out-action";

// A plain form, so it works before (or without) JavaScript, like the account menu's sign-out.
export function SignOutEverywhereForm() {
  return (
    <form
      action={async (formData: FormData) => {
        "use server";
        await signOutEverywhereAction({ revokeApiTokens: formData.get("revokeApiTokens") === "on" });
      }}
      className="flex flex-col gap-3 rounded-card border border-slate-200 bg-white p-4 shadow-sm"
    >
      <p className="text-sm">
        Ends every session listed above, this one included: every browser and device has to sign in again.
      </p>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="revokeApiTokens" className="mt-0.5 size-4" />
        <span>
          Also revoke my API tokens
          <span className="block text-ink-muted">Apps and scripts using them stop working at once.</span>
        </span>
      </label>
      <button
        type="submit"
        className="self-start rounded-md border border-danger-600/40 bg-white px-4 py-2 text-sm font-semibold text-danger-700 hover:bg-danger-50"
      >
        Sign out on all devices
      </button>
    </form>
  );
}
