import { ActionForm } from "@/components/admin/action-form";
import { adminEnabled } from "@/lib/admin-session";
import { signIn } from "../actions";

export default function AdminSignInPage() {
  return (
    <main className="mx-auto max-w-sm px-4 py-20">
      <h1 className="font-display text-3xl font-bold">Showfront admin</h1>
      {adminEnabled() ? (
        <ActionForm action={signIn} submitLabel="Sign in" className="mt-6 space-y-3">
          <label htmlFor="admin-token" className="block text-sm font-semibold">
            Admin token
          </label>
          <input id="admin-token" name="token" type="password" required autoComplete="current-password" className="w-full rounded-md border border-gray-300 px-3 py-2" />
        </ActionForm>
      ) : (
        <p className="mt-6 text-gray-700">
          The admin is off. Set <code>ADMIN_TOKEN</code> (at least 24 characters) and restart Showfront to turn it on.
        </p>
      )}
    </main>
  );
}
