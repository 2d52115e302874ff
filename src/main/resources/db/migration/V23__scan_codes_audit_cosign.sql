-- Issue 18, paper codes: keyed hashes, batches that the works council may co-sign, a count of
-- sheets that came by code, and a guessing limit over all addresses.

-- Code hashes are keyed with the scan secret (HMAC). Rows made before this migration hold the
-- unkeyed SHA-256 and are marked as such; the application re-keys them when it starts
-- (ParticipationCodes.rekeyLegacyHashes) and accepts both kinds until then.
alter table scan_code add column hash_kind varchar(10) not null default 'SHA256';
alter table scan_code alter column hash_kind set default 'HMAC';
alter table scan_code add constraint scan_code_hash_kind check (hash_kind in ('SHA256', 'HMAC'));

-- A request for codes. Codes are made (and shown, once) only when the batch is printed; with the
-- works council's co-signing on, a batch waits for a council member who is not the requester.
create table scan_code_batch (
    id                  bigint generated always as identity primary key,
    campaign_id         bigint       not null references scan_campaign (id),
    size                int          not null check (size between 1 and 500),
    status              varchar(10)  not null check (status in ('PENDING', 'APPROVED', 'DECLINED', 'PRINTED')),
    requested_by_person bigint       not null,
    requested_by        varchar(200) not null,
    requested_at        timestamptz  not null,
    cosigned_by_person  bigint,
    cosigned_by         varchar(200),
    cosigned_at         timestamptz,
    printed_at          timestamptz
);
create index scan_code_batch_campaign on scan_code_batch (campaign_id);

-- Settings of the scan the works council decides on (name -> value).
create table scan_setting (
    name  varchar(60)  primary key,
    value varchar(200) not null
);

-- How many sheets of a campaign came by paper code: a count, shown only once closed and from k.
alter table scan_campaign add column code_sheets int not null default 0;

-- Wrong codes are also counted over all addresses together.
create index scan_code_attempt_time on scan_code_attempt (occurred_at);
