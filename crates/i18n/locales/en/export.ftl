## The lists as files (CSV and XLSX).

export-csv = Export (CSV)
export-xlsx = Export (XLSX)
export-explain = The export holds the list's rows with the filters you chose and the columns you may see.
export-too-large-title = The list is too long for XLSX
export-too-large = The list has { $rows } rows. An XLSX file can be made for at most { $max } rows. Download the list as CSV (sent in parts, with no limit) or narrow it with the filters.
export-back = Back to the list

## The columns of lists that show them otherwise on the page.

export-places-taken = Places taken
export-registered = Registered
export-waitlisted = On the waiting list
export-changed-by = Last changed by
