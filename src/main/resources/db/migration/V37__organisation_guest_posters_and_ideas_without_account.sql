-- Taking part without an account (issue 21): a poster per site opens a public page by an
-- unguessable token; renewing the poster replaces the token, so printed posters stop working.
create table site_poster (
    site_id    bigint       primary key references site (id) on delete cascade,
    token      varchar(64)  not null unique,
    renewed_at timestamptz  not null
);

-- What was sent from a poster or kiosk, per address and time only, for the rate limits.
create table guest_sending (
    address     varchar(64) not null,
    occurred_at timestamptz not null
);
create index guest_sending_address on guest_sending (address, occurred_at);
create index guest_sending_time on guest_sending (occurred_at);

-- An idea sent without an account: no author, an optional name, an optional phone number that only
-- management sees, and the hash of the follow-up code the guest takes home.
alter table idea alter column author_id drop not null;
alter table idea add column without_account boolean     not null default false;
alter table idea add column guest_name      varchar(80);
alter table idea add column guest_phone     varchar(30);
alter table idea add column follow_up_hash  varchar(64) unique;
alter table idea add constraint idea_author_or_guest check (author_id is not null or without_account);
