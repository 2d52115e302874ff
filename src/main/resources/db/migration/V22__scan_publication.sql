-- What a closed campaign publishes, decided once from its final totals and kept, so that the
-- same groups stay hidden in every later view, trend, report and export (see docs/anonymity.md).
create table scan_publication (
    campaign_id bigint  not null references scan_campaign (id) on delete cascade,
    group_key   text    not null,
    figures     text    not null check (figures in ('SHOWN', 'TOO_FEW', 'PROTECTS_OTHERS', 'NOT_OFFERED')),
    comments    boolean not null,
    primary key (campaign_id, group_key)
);
