//! PDFs from typst templates shipped in the binary, with the fonts typst embeds (nothing is
//! fetched at run time).
