-- Raised whenever sessions of an account must end (deactivated, roles or password changed).
alter table account add column session_version int not null default 0;

-- The language of the screens a person chose, apart from the language they prefer to read.
alter table person add column screen_language varchar(8);

-- Facts about this installation that must survive a restart, such as "setup is done".
create table organisation_setting (
    name  varchar(60) primary key,
    value varchar(200) not null
);
insert into organisation_setting (name, value)
select 'installation.first-admin-created', 'true'
where exists (select 1 from account a join person_role r on r.person_id = a.person_id
              where r.role = 'ADMIN' and a.password_hash is not null);
