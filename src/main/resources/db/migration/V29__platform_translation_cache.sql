-- Machine translations of what people wrote, kept so the same text is sent to the translation
-- server once per language. Keyed by a hash of the text, not by where it was written.
create table translation_cache (
    source_hash varchar(64)  not null,
    target      varchar(8)   not null,
    translated  text         not null,
    detected    varchar(8),
    created_at  timestamptz  not null,
    primary key (source_hash, target)
);
