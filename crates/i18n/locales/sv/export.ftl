## The lists as files (CSV and XLSX).

export-csv = Exportera (CSV)
export-xlsx = Exportera (XLSX)
export-explain = Exporten innehåller listans rader med de filter du valt och de kolumner du får se.
export-too-large-title = Listan är för lång för XLSX
export-too-large = Listan har { $rows } rader. En XLSX-fil kan skapas för högst { $max } rader. Hämta listan som CSV (den skickas i delar och har ingen gräns) eller begränsa urvalet med filtren.
export-back = Tillbaka till listan

## The columns of lists that show them otherwise on the page.

export-places-taken = Tagna platser
export-registered = Anmälda
export-waitlisted = På väntelista
export-changed-by = Senast ändrad av
