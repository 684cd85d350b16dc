import { redirect } from "next/navigation";
import { adminViewer } from "@/lib/admin-session";

export default async function AdminHomePage() {
  redirect((await adminViewer()) ? "/admin/feeds" : "/admin/comments");
}
