import type { LoaderFunctionArgs } from "@remix-run/node";
import { getAttachment } from "~/domain/evidence/get-attachment.server";
import { downloadGuarded } from "~/lib/http.server";
import { attachmentDisposition } from "~/lib/uploads/content-disposition";
import { requireActor } from "~/lib/session.server";

/**
 * Downloads a stored file. Always as an attachment with a sanitised name and the type we
 * detected at upload, so a file can never run as a page of this site.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return downloadGuarded(async () => {
    const file = await getAttachment(context.database, actor, { itemId: params.id!, attachmentId: params.fileId! });
    return new Response(new Uint8Array(file.data), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": attachmentDisposition(file.filename),
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
      },
    });
  });
}
