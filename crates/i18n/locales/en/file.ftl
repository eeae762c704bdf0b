# file: stored files (uploads)

file-error-empty = Choose a file to upload.
file-error-too-large = The file is too large. The largest size allowed is 10 MiB.
file-error-type = The file is not a PDF, PNG or JPEG (we read the file's content, not its name).
