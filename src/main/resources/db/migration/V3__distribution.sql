-- Site identity as Administrators set it; one row.
create table site_settings (
    id               integer primary key check (id = 1),
    name             text not null default '',
    tagline          text not null default '',
    language         text not null default '',
    logo_media_id    bigint references media (id),
    publication_name text not null default ''
);
