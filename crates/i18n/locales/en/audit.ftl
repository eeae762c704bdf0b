# audit: the audit log

audit-when = When
audit-actor = Who
audit-action = Action
audit-resource = Record type
audit-record = Record id
audit-fields = Fields
