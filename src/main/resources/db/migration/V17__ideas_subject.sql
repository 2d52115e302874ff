-- An idea can be about something another module owns, for example a driving data agreement.
-- The link is a typed id with the title as it was when the idea was written.
alter table idea add column subject_kind  varchar(40);
alter table idea add column subject_id    bigint;
alter table idea add column subject_title varchar(200);
create index idea_subject on idea (subject_kind, subject_id) where subject_kind is not null;
