# file: stored files (uploads)

file-error-empty = Välj en fil att ladda upp.
file-error-too-large = Filen är för stor. Största tillåtna storlek är 10 MiB.
file-error-type = Filen är inte en PDF, PNG eller JPEG (vi läser filens innehåll, inte dess namn).
