-- A pulse's own words above its statements, for example whom a feedback round is about.
create table scan_pulse_intro (
    campaign_id bigint        primary key references scan_campaign (id),
    text_nl     varchar(500)  not null,
    text_en     varchar(500)  not null
);
