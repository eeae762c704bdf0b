//! The candidate pool per placement: proposals and their statuses (proposed, shortlisted,
//! interview requested, …), and the employer contact's view of a candidate, which never holds
//! special-needs data.
