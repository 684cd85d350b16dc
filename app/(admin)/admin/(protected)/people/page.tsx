import { AdminSearchForm } from "@/components/admin/admin-search-form";
import { ActionForm } from "@/components/admin/action-form";
import { requireAdmin } from "@/lib/auth/admin-session";
import { listPeople } from "@/lib/people/accounts";
import { z } from "zod";
import { changeRole, liftBan } from "@/lib/comments/moderation-actions";

const cell = "border-b border-gray-200 px-2 py-2 align-top";
const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const paramsSchema = z.object({ q: z.string().trim().max(200).optional().catch(undefined) });

export default async function AdminPeoplePage({ searchParams }: PageProps<"/admin/people">) {
  const admin = await requireAdmin();
  const { q } = paramsSchema.parse(await searchParams);
  const people = await listPeople(admin, q);
  return (
    <div className="space-y-6">
      <h1 className="font-display text-3xl font-bold">People</h1>
      <AdminSearchForm label="Address or name" query={q} />
      <table className="w-full border-collapse bg-white text-sm shadow-sm">
        <thead>
          <tr className="text-left">
            <th className={cell}>Person</th>
            <th className={cell}>Comments</th>
            <th className={cell}>Role</th>
            <th className={cell}>Ban</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <td className={cell}>
                <strong>{person.email}</strong>
                {person.name ? <div className="text-gray-600">{person.name}</div> : null}
                {person.nameChanges.length ? <div className="text-gray-600">Before: {person.nameChanges.map((change) => change.name).join(", ")}</div> : null}
                <div className="text-gray-600">since {when.format(person.createdAt)}</div>
              </td>
              <td className={cell}>{person._count.comments}</td>
              <td className={cell}>
                <ActionForm action={changeRole} values={{ userId: person.id }} submitLabel="Change" className="flex items-center gap-2">
                  <select name="role" defaultValue={person.role} aria-label={`Role of ${person.email}`} className="rounded-md border border-gray-300 px-2 py-1">
                    <option value="READER">Reader</option>
                    <option value="MODERATOR">Moderator</option>
                    <option value="ADMIN">Admin</option>
                  </select>
                </ActionForm>
              </td>
              <td className={cell}>
                {person.bannedAt ? (
                  <ActionForm
                    action={liftBan}
                    values={{ userId: person.id }}
                    submitLabel="Lift ban"
                    buttonClassName="rounded-md border border-gray-400 px-2 py-1 text-sm"
                  />
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
