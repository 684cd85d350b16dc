// The demo episodes' audio (lib/demo/audio.ts): made on request, for the files the demo's episodes and stories name.
import { demoAudioInUse, demoAudioResponse, readDemoAudioName } from "@/lib/demo/audio";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

const answer = route(async (request: Request, { params }: RouteContext<"/demo/audio/[file]">, head: boolean) => {
  const { file } = await params;
  const audio = readDemoAudioName(file);
  if (!audio || !(await demoAudioInUse(`/demo/audio/${file}`))) throw new AppError("not-found", "No such demo audio.");
  return demoAudioResponse(audio, request.headers.get("range"), head);
});

export function GET(request: Request, context: RouteContext<"/demo/audio/[file]">) {
  return answer(request, context, false);
}

export function HEAD(request: Request, context: RouteContext<"/demo/audio/[file]">) {
  return answer(request, context, true);
}
