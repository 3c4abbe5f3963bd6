import { signOutAction, signOutEverywhereAction } from "@/lib/auth/actions/sign-out-action";

// Plain forms, so signing out works before (or without) JavaScript.
export function SignOutButtons() {
  return (
    <div className="flex flex-col gap-2">
      <form
        action={async () => {
          "use server";
          await signOutAction({});
        }}
      >
        <button type="submit" className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100">
          Sign out
        </button>
      </form>
      <form
        action={async () => {
          "use server";
          await signOutEverywhereAction({});
        }}
      >
        <button type="submit" className="w-full rounded-md px-3 py-2 text-sm text-ink-muted hover:bg-slate-100">
          Sign out on all devices
        </button>
      </form>
    </div>
  );
}
