import { ActionForm } from "@/components/admin/action-form";
import { adminEnabled } from "@/lib/auth/admin-session";
import { signIn } from "@/lib/admin/actions";

export default function AdminSignInPage() {
  return (
    <main className="mx-auto max-w-sm px-4 py-20">
      <h1 className="font-display text-3xl font-bold">Showfront admin</h1>
      <p className="mt-6">
        <a href="/signin?callbackUrl=/admin" className="font-semibold underline">
          Sign in with your account
        </a>{" "}
        (admins are listed in <code>ADMIN_EMAILS</code>; moderators are made by an admin).
      </p>
      {adminEnabled() ? (
        <ActionForm action={signIn} submitLabel="Sign in" className="mt-6 space-y-3">
          <label htmlFor="admin-token" className="block text-sm font-semibold">
            Admin token
          </label>
          <input
            id="admin-token"
            name="token"
            type="password"
            required
            autoComplete="current-password"
            className="w-full rounded-md border border-gray-300 px-3 py-2"
          />
        </ActionForm>
      ) : (
        <p className="mt-6 text-gray-700">
          Or set <code>ADMIN_TOKEN</code> (at least 24 characters) and restart Showfront to sign in with a token.
        </p>
      )}
    </main>
  );
}
