-- The programme's figures (README, "The programme in Cockpit") read relationships, requests, sessions and
-- evaluations by when they happened and where they stand; these indexes keep those reads quick with seven years of
-- history.
create index relationship_closed on relationship (status, closed_at);
create index relationship_opened on relationship (opened_at);
create index coaching_request_created on coaching_request (created_at);
create index coaching_request_status on coaching_request (status);
create index coaching_session_held on coaching_session (held_on);
create index evaluation_due on evaluation (status, relationship_id);
create index evaluation_answer_month on evaluation_answer (answered_in);
