import { redirect } from "next/navigation";
import { isAdmin } from "@/lib/admin-session";

export default async function AdminHomePage() {
  redirect((await isAdmin()) ? "/admin/feeds" : "/admin/comments");
}
