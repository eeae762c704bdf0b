//! Interest submitted through the public placement portal: rate-limited per client, with
//! consent recorded, landing in the coordinators' inbox.
