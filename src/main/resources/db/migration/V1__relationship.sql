-- One coaching or mentoring relationship between a coach (or mentor) and a client.
-- Its id is the business key of its `relationship` process instance.
create sequence relationship_number start with 1;

create table relationship (
  id          varchar(16)  not null primary key,
  kind        varchar(16)  not null check (kind in ('COACHING', 'MENTORING')),
  coach_id    varchar(64)  not null,
  client_id   varchar(64)  not null,
  sponsor_id  varchar(64),
  status      varchar(24)  not null,
  opened_at   timestamp with time zone not null,
  opened_by   varchar(64)
);

create index relationship_coach on relationship (coach_id);
create index relationship_client on relationship (client_id);
