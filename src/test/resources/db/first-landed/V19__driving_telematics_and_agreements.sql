-- Vehicles known from rFMS or a CSV upload. The last status taken in is the baseline the next one
-- is compared with (its counters in the order of the Java class Counters).
create table driving_vehicle (
    vin              varchar(17)  primary key,
    name             varchar(100),
    brand            varchar(40),
    model            varchar(40),
    first_seen_at    timestamptz  not null,
    last_created_at  timestamptz,
    last_card        varchar(40),
    last_counters    bigint[],
    position_at      timestamptz,
    latitude         double precision,
    longitude        double precision,
    speed            double precision
);

-- Tachograph cards seen in the data; an admin says whose card it is.
create table driving_card (
    card           varchar(40)  primary key,
    person_id      bigint,
    first_seen_at  timestamptz  not null,
    mapped_by      varchar(200),
    mapped_at      timestamptz
);
create index driving_card_person on driving_card (person_id);

-- What happened between two statuses of one vehicle: the growth of every counter, attributed to
-- the card in the cab. Nothing else is kept of a status.
create table driving_interval (
    vin            varchar(17)  not null,
    started_at     timestamptz  not null,
    ended_at       timestamptz  not null,
    card           varchar(40),
    distance_m     int          not null,
    fuel_ml        int          not null,
    moving_s       int          not null,
    idle_s         int          not null,
    idle_fuel_ml   int          not null,
    cruise_m       int          not null,
    coast_m        int          not null,
    speed_total_m  int          not null,
    brake_s        int[]        not null,
    accel_s        int[]        not null,
    speed_m        int[]        not null,
    primary key (vin, ended_at)
);
create index driving_interval_card on driving_interval (card, ended_at);
create index driving_interval_ended on driving_interval (ended_at);

-- Every import (rFMS poll, CSV upload, demo) with what it took in and what it refused.
create table driving_import (
    id               bigint generated always as identity primary key,
    source           varchar(5)    not null check (source in ('RFMS', 'CSV', 'DEMO')),
    started_at       timestamptz   not null,
    finished_at      timestamptz,
    started_by       varchar(200)  not null,
    accepted         int           not null default 0,
    duplicates       int           not null default 0,
    unknown_vehicle  int           not null default 0,
    backwards        int           not null default 0,
    malformed        int           not null default 0,
    implausible      int           not null default 0,
    failure          varchar(500)
);
create index driving_import_started on driving_import (started_at desc);

create table driving_import_problem (
    import_id  bigint        not null references driving_import (id) on delete cascade,
    n          int           not null,
    reason     varchar(12)   not null,
    vin        varchar(40),
    detail     varchar(300)  not null,
    primary key (import_id, n)
);

-- Where the next rFMS request starts (the server's requestServerDateTime of the last one).
create table driving_cursor (
    resource  varchar(30)  primary key,
    starttime timestamptz  not null
);

-- What management and the works council agreed on. A draft becomes binding when the council's
-- consent is recorded; a newer binding agreement ends the one before.
create table driving_agreement (
    id                     bigint generated always as identity primary key,
    purpose                varchar(4000)  not null,
    metrics                varchar(200)   not null,
    team_aggregate         boolean        not null,
    planner_individual     boolean        not null,
    management_individual  boolean        not null,
    leaderboard            boolean        not null,
    retention_days         int            not null check (retention_days between 28 and 730),
    weights                varchar(200)   not null,
    drafted_by             varchar(200)   not null,
    drafted_at             timestamptz    not null,
    consent_on             date,
    consent_recorded_by    varchar(200),
    consent_recorded_at    timestamptz,
    ended_at               timestamptz
);

-- A driver's own choice to appear on the team leaderboard (only where the agreement allows one).
create table driving_leaderboard_choice (
    person_id   bigint       primary key,
    opted_in    boolean      not null,
    changed_at  timestamptz  not null
);

-- Every time someone other than the driver opened that driver's individual figures.
create table driving_access (
    id           bigint generated always as identity primary key,
    driver_id    bigint        not null,
    viewer_id    bigint        not null,
    viewer_name  varchar(200)  not null,
    viewer_role  varchar(20)   not null,
    viewed_at    timestamptz   not null,
    what         varchar(20)   not null
);
create index driving_access_driver on driving_access (driver_id, viewed_at desc);
