# audit: the audit log

audit-when = Tid
audit-actor = Vem
audit-action = Händelse
audit-resource = Posttyp
audit-record = Post-id
audit-fields = Fält
