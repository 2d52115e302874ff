-- A pulse's statements and intro in the languages besides Dutch and English that the screens speak,
-- as {"pl": "...", "ar": "..."}; a language missing here reads the English (docs/adr/0020).
alter table scan_custom_item add column translations jsonb not null default '{}';
alter table scan_pulse_intro add column translations jsonb not null default '{}';
