// The WordPress export upload: a plain multipart form post (exports run to hundreds of megabytes, past what server
// actions accept), kept on disk, read for its dry-run report, then shown at /admin/stories/import/<id>.
import { adminViewer } from "@/lib/auth/admin-session";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { fromThisSite, seeOther } from "@/lib/http/forms";
import { stageWxrUpload } from "@/lib/stories/wxr-import";
import { WxrError, WXR_LIMITS } from "@/lib/stories/wxr";

function backWithError(message: string) {
  return seeOther(`/admin/stories/import?error=${encodeURIComponent(message)}`);
}

export const POST = route(async (request: Request) => {
  if (!fromThisSite(request) || !(await adminViewer())) throw new AppError("forbidden", "Upload the export from the admin, signed in.");
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > WXR_LIMITS.fileBytes) return backWithError(`The file is larger than ${WXR_LIMITS.fileBytes / 1024 / 1024} MB.`);
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    return backWithError("The upload did not arrive whole: try again.");
  }
  if (!(file instanceof File) || file.size === 0) return backWithError("Choose the export file (an .xml file from Tools → Export in WordPress).");
  try {
    const staged = await stageWxrUpload({ name: file.name, stream: file.stream() });
    return seeOther(`/admin/stories/import/${staged.id}`);
  } catch (error) {
    if (error instanceof WxrError) return backWithError(error.message);
    throw error;
  }
});
