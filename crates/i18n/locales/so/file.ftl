# Brygga – Somali (af-Soomaali).
# file: stored files (uploads)

file-error-empty = Dooro fayl aad soo gelinayso.
file-error-too-large = Faylku aad buu u weyn yahay. Cabbirka ugu weyn ee la oggol yahay waa 10 MiB.
file-error-type = Faylku ma aha PDF, PNG ama JPEG (waxaan akhrinaa waxa faylka ku jira, ee ma aha magaciisa).
