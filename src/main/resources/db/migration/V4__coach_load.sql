-- Each coach's current load (open relationships), kept with the profile so that matching reads it with the profile
-- instead of counting relationships for every coach on every shortlist (MAT-2).
alter table coach_profile add column active_clients integer default 0 not null;

update coach_profile set active_clients =
  (select count(*) from relationship r where r.coach_id = coach_profile.user_id and r.status <> 'CLOSED');
