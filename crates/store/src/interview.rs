//! Interview bookings for proposed candidates: time, place or link, attendees; overlap checks;
//! outcomes; invitations queued as email.
