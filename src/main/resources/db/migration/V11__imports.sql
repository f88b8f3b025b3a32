-- Imports from WordPress and Ghost archives.

-- What an archive knew each object by ("wp-post:123", "ghost-tag:5951…"): a second run of the same file finds what
-- the first made instead of making it again.
alter table article add column import_key text;
create unique index article_import_key on article (import_key) where import_key is not null;
alter table author add column import_key text;
create unique index author_import_key on author (import_key) where import_key is not null;
alter table tag add column import_key text;
create unique index tag_import_key on tag (import_key) where import_key is not null;
alter table section add column import_key text;
create unique index section_import_key on section (import_key) where import_key is not null;

-- Addresses an imported article answered at on the old site ("/2024/02/20/slug/", "/?p=123"): they redirect.
create table article_old_path (
    path       text   primary key check (path like '/%'),
    article_id bigint not null references article (id) on delete cascade
);
create index article_old_path_article on article_old_path (article_id);

-- The archive module's own tables.

-- One import: its file, options, progress and report. A running import whose node died is resumed by the next start.
create table import_job (
    id             bigint generated always as identity primary key,
    file_name      text        not null,
    stored_file    text        not null,
    media_source   text,
    format         text        not null check (format in ('wordpress', 'ghost')),
    dry_run        boolean     not null,
    status         text        not null check (status in ('queued', 'running', 'done', 'failed')),
    started_by     text        not null,
    created_at     timestamptz not null,
    started_at     timestamptz,
    finished_at    timestamptz,
    heartbeat_at   timestamptz,
    total_posts    integer,
    processed      integer     not null default 0,
    created        integer     not null default 0,
    unchanged      integer     not null default 0,
    skipped        integer     not null default 0,
    images_stored  integer     not null default 0,
    images_failed  integer     not null default 0,
    report         text,
    error          text
);
create index import_job_status on import_job (status, id);

-- Pictures already brought in, by the address or archive path they came from: a re-run fetches nothing twice.
create table import_picture (
    source     text   primary key,
    media_id   bigint not null
);
