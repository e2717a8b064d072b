import type { LoaderFunctionArgs } from "@remix-run/node";
import { getAttachment } from "~/domain/evidence/get-attachment.server";
import { guarded } from "~/lib/http.server";
import { requireActor } from "~/lib/session.server";

/**
 * Downloads a stored file. Always as an attachment with a sanitised name and the type we
 * detected at upload, so a file can never run as a page of this site.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const file = await getAttachment(context.database, actor, { itemId: params.id!, attachmentId: params.fileId! });
    const ascii = file.filename.replace(/[^A-Za-z0-9._ -]+/g, "_");
    return new Response(new Uint8Array(file.data), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
      },
    });
  });
}
