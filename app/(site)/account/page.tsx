import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountActions } from "@/components/account/account-actions";
import { DisplayNameForm } from "@/components/account/display-name-form";
import { NoticePage } from "@/components/ui/notice-page";
import { currentViewer } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };
export const dynamic = "force-dynamic";

const ROLES = { READER: "Reader", MODERATOR: "Moderator", ADMIN: "Admin" } as const;

export default async function AccountPage() {
  const viewer = await currentViewer();
  if (!viewer) redirect("/signin?callbackUrl=/account");
  return (
    <NoticePage title="Your account">
      <p>
        Signed in as <strong>{viewer.email}</strong> ({ROLES[viewer.role]}).
        {viewer.role !== "READER" ? (
          <>
            {" "}
            <a href={viewer.role === "ADMIN" ? "/admin" : "/admin/comments"} className="font-semibold underline">
              Open the admin
            </a>
          </>
        ) : null}
      </p>
      <DisplayNameForm name={viewer.name} chosen={viewer.nameChosen} />
      <AccountActions />
    </NoticePage>
  );
}
