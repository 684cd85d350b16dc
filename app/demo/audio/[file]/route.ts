// The demo episodes' audio (lib/demo/audio.ts): made on request, for the files the demo's episodes and stories name.
import { demoAudioInUse, demoAudioResponse, readDemoAudioName } from "@/lib/demo/audio";

async function answer(request: Request, { params }: RouteContext<"/demo/audio/[file]">, head: boolean) {
  const { file } = await params;
  const audio = readDemoAudioName(file);
  if (!audio || !(await demoAudioInUse(`/demo/audio/${file}`))) return new Response("Not found", { status: 404 });
  return demoAudioResponse(audio, request.headers.get("range"), head);
}

export function GET(request: Request, context: RouteContext<"/demo/audio/[file]">) {
  return answer(request, context, false);
}

export function HEAD(request: Request, context: RouteContext<"/demo/audio/[file]">) {
  return answer(request, context, true);
}
