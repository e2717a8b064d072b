/** 25 MB per attachment, counted while the upload streams in. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export const ATTACHMENT_TYPES = {
  pdf: { label: "PDF", mime: "application/pdf" },
  docx: { label: "Word (.docx)", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  xlsx: { label: "Excel (.xlsx)", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  csv: { label: "CSV", mime: "text/csv" },
  png: { label: "PNG image", mime: "image/png" },
  jpg: { label: "JPEG image", mime: "image/jpeg" },
  jpeg: { label: "JPEG image", mime: "image/jpeg" },
  gif: { label: "GIF image", mime: "image/gif" },
  webp: { label: "WebP image", mime: "image/webp" },
} as const;
export type AttachmentExt = keyof typeof ATTACHMENT_TYPES;

export const ALLOWED_EXTENSIONS = Object.keys(ATTACHMENT_TYPES).map((e) => `.${e}`).join(",");

/**
 * The file's kind from its name, confirmed by its first bytes (a renamed executable is not a PDF).
 * Returns null when the name and content do not agree on an allowed type.
 */
export function detectAttachmentType(filename: string, head: Uint8Array): AttachmentExt | null {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() as AttachmentExt | undefined;
  if (!ext || !(ext in ATTACHMENT_TYPES)) return null;
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  switch (ext) {
    case "pdf":
      return starts(0x25, 0x50, 0x44, 0x46) ? ext : null; // %PDF
    case "docx":
    case "xlsx":
      return starts(0x50, 0x4b, 0x03, 0x04) ? ext : null; // zip
    case "png":
      return starts(0x89, 0x50, 0x4e, 0x47) ? ext : null;
    case "jpg":
    case "jpeg":
      return starts(0xff, 0xd8, 0xff) ? ext : null;
    case "gif":
      return starts(0x47, 0x49, 0x46, 0x38) ? ext : null;
    case "webp":
      return starts(0x52, 0x49, 0x46, 0x46) ? ext : null;
    case "csv":
      // Text: no NUL bytes in the first kilobyte.
      return head.subarray(0, 1024).includes(0) ? null : ext;
  }
}

export const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`);
