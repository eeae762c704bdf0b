//! Clearance with the employment service: the eligibility confirmation (who, when) and the
//! decision (reference, date, period, insured, compensation), and sharing a case with an officer.
