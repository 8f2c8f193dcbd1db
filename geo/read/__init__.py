"""Read: files, pages and archives in, `Report`s out.

In: plain text, ISW HTML pages (both site eras and mirrors), Markdown page dumps, CSV / JSON
archives (optionally gzipped), and days fetched from ISW. Out: `geo.models.Report` with its date,
title, source URL, sections, lead-ins and endnotes; `sentences` splits its paragraphs into
sentences with their endnote numbers.

Modules: `reports` (the entry points: `read_path`, `read_text`, `iter_paths`), `html`,
`markdown`, `archive` (one reader per shape), `lines` (the pieces they share: dates, headings,
endnotes, chrome), `sentences`, `daily` (which ISW pages to fetch for a day), `regex_twin` (patterns run
in ASCII mode on ASCII text, for the later stages' speed).
"""
