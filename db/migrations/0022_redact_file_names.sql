-- Sharing may redact personal data found in a file's name ("Mrs_Jane_Smith_complaint.pdf"), as it
-- redacts the text: the lead no longer has to choose between removing the file and sharing the
-- name. The app role may now update the name too. Who may, and when, is unchanged: the update
-- policy of evidence_attachments (0019) lets the owner's writers change a file only while its
-- item is private, and sharing writes the redacted name before it marks the item shared.
GRANT UPDATE (filename) ON evidence_attachments TO peff_app;
