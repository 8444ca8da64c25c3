-- A person's erasure (DP-2) finds their rows through indexes rather than by reading every table: each large table is
-- entered by the columns that tie a row to a relationship or a request, or that name a person (README, "Personal
-- data"). A table with a column naming people and no index on it is read whole, so these keep the tables that grow
-- with the programme's history from being read whole. Small tables (complaints, erasure requests, party changes,
-- handovers, shares) are read whole. Contracts, their goals and sessions are entered by their primary keys, which
-- lead with the relationship.
create index relationship_sponsor on relationship (sponsor_id);
create index relationship_opened_by on relationship (opened_by);
create index relationship_ended_by on relationship (ended_by);
create index contract_sponsor on contract (sponsor_id);
create index contract_comment_relationship on contract_comment (relationship_id);
create index contract_comment_author on contract_comment (author_id);
create index session_change_relationship on session_change (relationship_id);
create index session_change_by on session_change (changed_by);
create index decision_party on decision (party_id);
create index evaluation_respondent on evaluation (respondent_id);
create index confidential_note_author on confidential_note (author_id);
create index coaching_request_sponsor on coaching_request (sponsor_id);
create index coaching_request_relationship on coaching_request (relationship_id);
create index match_offer_coach on match_offer (coach_id);
create index match_offer_chosen_by on match_offer (chosen_by);
create index notification_relationship on notification (relationship_id);
