"""One reader per input kind; each turns a payload into drafts (and rejections)."""
