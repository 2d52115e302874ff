-- The questionnaire, loaded from a versioned resource file.
create table scan_instrument (
    id      bigint generated always as identity primary key,
    code    varchar(60) not null,
    version int         not null,
    content text        not null,
    unique (code, version)
);

create table scan_item (
    id            bigint generated always as identity primary key,
    instrument_id bigint      not null references scan_instrument (id),
    code          varchar(60) not null,
    dimension     varchar(60) not null,
    position      int         not null,
    reverse       boolean     not null,
    unique (instrument_id, code)
);

create table scan_campaign (
    id              bigint generated always as identity primary key,
    title           varchar(200) not null,
    instrument_id   bigint       not null references scan_instrument (id),
    kind            varchar(10)  not null default 'FULL',
    -- a pulse asks only these dimensions (codes), and/or its own statements
    dimensions      varchar(60)[],
    opens_on        date         not null,
    closes_on       date         not null,
    min_group_size  int          not null default 5 check (min_group_size >= 3),
    status          varchar(10)  not null default 'DRAFT',
    target_sites    bigint[]     not null default '{}',
    target_teams    bigint[]     not null default '{}',
    origin          varchar(60),
    created_by      varchar(200) not null,
    created_at      timestamptz  not null,
    opened_at       timestamptz,
    closed_at       timestamptz
);

-- Statements a pulse campaign adds of its own (all in dimension 'custom').
create table scan_custom_item (
    id          bigint generated always as identity primary key,
    campaign_id bigint        not null references scan_campaign (id),
    code        varchar(60)   not null,
    position    int           not null,
    text_nl     varchar(300)  not null,
    text_en     varchar(300)  not null,
    unique (campaign_id, code)
);

-- Who answered, to refuse a second answer and count response rates. Holds the day only,
-- and nothing that leads to the answer itself.
create table scan_participation (
    campaign_id bigint not null references scan_campaign (id),
    person_id   bigint not null,
    answered_on date   not null,
    primary key (campaign_id, person_id)
);

-- Single-use codes for people without an account; only a hash is stored.
create table scan_code (
    code_hash   varchar(64) primary key,
    campaign_id bigint      not null references scan_campaign (id),
    used        boolean     not null default false
);
create index scan_code_campaign on scan_code (campaign_id);

-- One answer sheet. Random id, no person, no time: nothing orders or links it.
create table scan_response (
    id          uuid         primary key,
    campaign_id bigint       not null references scan_campaign (id),
    team_id     bigint,
    role_group  varchar(20)  not null,
    language    varchar(8)   not null,
    -- item code -> value 1..5, as given (before reversing)
    answers     jsonb        not null
);
create index scan_response_campaign on scan_response (campaign_id);

-- Running counts per campaign, item, group and value: results read these, never raw rows.
create table scan_tally (
    campaign_id bigint      not null references scan_campaign (id),
    item_code   varchar(60) not null,
    team_id     bigint      not null,  -- 0 = department not given
    role_group  varchar(20) not null,
    value       smallint    not null check (value between 1 and 5),
    answers     int         not null,
    primary key (campaign_id, item_code, team_id, role_group, value)
);

-- How many sheets per group, for group sizes (k) and response rates.
create table scan_group_count (
    campaign_id bigint      not null references scan_campaign (id),
    team_id     bigint      not null,
    role_group  varchar(20) not null,
    responses   int         not null,
    primary key (campaign_id, team_id, role_group)
);

create table scan_open_answer (
    id          uuid          primary key,
    campaign_id bigint        not null references scan_campaign (id),
    question    varchar(60)   not null,
    team_id     bigint        not null,
    role_group  varchar(20)   not null,
    text        varchar(2000) not null
);
create index scan_open_answer_campaign on scan_open_answer (campaign_id);

-- Answers in progress on one device, found by a random token in a cookie. Deleted on submit.
create table scan_draft (
    token_hash  varchar(64) primary key,
    campaign_id bigint      not null references scan_campaign (id),
    code_hash   varchar(64),
    -- ACCOUNT: the signed-in person is recorded as having answered when the sheet is sent
    via         varchar(10) not null,
    language    varchar(8)  not null,
    team_id     bigint,
    role_group  varchar(20),
    answers     jsonb       not null default '{}',
    open        jsonb       not null default '{}',
    expires_at  timestamptz not null
);

-- Failed code attempts per address, for rate limiting.
create table scan_code_attempt (
    address     varchar(64) not null,
    occurred_at timestamptz not null
);
create index scan_code_attempt_address on scan_code_attempt (address, occurred_at);
