-- Notifications become an outbox: each row is written in the transaction of the work that causes it and sent after
-- commit by the outbox worker (README, "Notifications"). A row holds ids, names of tasks and times, never what people
-- wrote in a form.
alter table notification add column cause_key varchar(250);
update notification set cause_key = 'before-outbox:' || id;
alter table notification alter column cause_key set not null;
alter table notification add constraint notification_cause unique (cause_key);

-- NEW_TASK, REMINDER, ESCALATION, SESSION_INVITE or MESSAGE
alter table notification add column kind varchar(32) default 'MESSAGE' not null;
-- the task the notification is about, if any: its notifications are withdrawn when it ends
alter table notification add column task_id varchar(64);
-- what the kind's template shows, as JSON: ids, task names, times
alter table notification add column params varchar(4000);
-- PENDING (to be sent from send_after on), SENT, FAILED (after the last attempt), CANCELLED (no longer needed),
-- KEPT (mail is off: kept in the product, not sent), NO_ADDRESS (the person has no email address)
alter table notification add column state varchar(16) default 'SENT' not null;
alter table notification add column send_after timestamp with time zone;
update notification set send_after = created_at;
alter table notification alter column send_after set not null;
alter table notification add column attempts integer default 0 not null;
alter table notification add column last_error varchar(500);
alter table notification add column sent_at timestamp with time zone;
update notification set state = case when emailed then 'SENT' else 'KEPT' end,
  sent_at = case when emailed then created_at end;
alter table notification alter column state set default 'PENDING';
alter table notification alter column body drop not null;

create index notification_due on notification (state, send_after);
create index notification_task on notification (task_id);

-- How a person wants "you have a new task" mails: IMMEDIATE (the default, without a row) or DAILY_DIGEST.
create table notification_preference (
  person_id        varchar(64)   primary key,
  delivery         varchar(16)   not null,
  changed_at       timestamp with time zone not null
);

-- The calendar invitation's SEQUENCE for a session (RFC 5545): 0 when planned, one more at each move. A session still
-- planned when its relationship closes becomes CANCELLED, and its invitation is cancelled.
alter table coaching_session add column calendar_sequence integer default 0 not null;
