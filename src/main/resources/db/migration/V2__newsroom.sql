-- The newsroom: staff accounts, sessions, editorial workflow, revisions, corrections, audit log, media variants.

create table staff_user (
    id            bigint generated always as identity primary key,
    email         text        not null unique check (email = lower(email) and email like '%_@_%'),
    display_name  text        not null check (length(trim(display_name)) > 0),
    password_hash text        not null,
    role          text        not null check (role in ('CONTRIBUTOR', 'REPORTER', 'EDITOR', 'ADMINISTRATOR')),
    author_id     bigint references author (id),
    enabled       boolean     not null default true,
    created_at    timestamptz not null
);

-- Spring Session: any node can serve any signed-in request.
create table spring_session (
    primary_id            char(36) not null constraint spring_session_pk primary key,
    session_id            char(36) not null,
    creation_time         bigint   not null,
    last_access_time      bigint   not null,
    max_inactive_interval int      not null,
    expiry_time           bigint   not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name)
);

-- Workflow: draft → in review → scheduled / published → unpublished (and back to draft).
alter table article drop constraint article_status_check;
alter table article add constraint article_status_check
    check (status in ('draft', 'in_review', 'scheduled', 'published', 'unpublished'));
alter table article add column version integer not null default 0;
alter table article add column body_image_count integer not null default 0;
alter table article add column scheduled_at timestamptz;
alter table article add column created_by bigint references staff_user (id);
alter table article add constraint article_scheduled_has_time check (status <> 'scheduled' or scheduled_at is not null);
create index article_due_idx on article (scheduled_at) where status = 'scheduled';
create index article_updated_idx on article (updated_at desc, id desc);
create index article_headline_lower_idx on article (lower(headline) text_pattern_ops);

create table article_revision (
    id                 bigint generated always as identity primary key,
    article_id         bigint      not null references article (id) on delete cascade,
    number             integer     not null,
    reason             text        not null check (reason in ('create', 'save', 'autosave', 'submit', 'schedule', 'publish', 'unpublish', 'restore')),
    staff_id           bigint references staff_user (id),
    created_at         timestamptz not null,
    headline           text        not null,
    slug               text        not null,
    standfirst         text,
    section_id         bigint      not null,
    author_ids         bigint[]    not null,
    tags               text[]      not null,
    body_markdown      text        not null,
    lead_image_id      bigint,
    lead_image_alt     text,
    lead_image_caption text,
    lead_image_credit  text,
    unique (article_id, number)
);

create table article_correction (
    id           bigint generated always as identity primary key,
    article_id   bigint      not null references article (id) on delete cascade,
    kind         text        not null check (kind in ('correction', 'update')),
    text         text        not null check (length(trim(text)) > 0),
    published_at timestamptz not null,
    staff_id     bigint references staff_user (id)
);
create index article_correction_article_idx on article_correction (article_id, published_at);

create table audit_log (
    id         bigint generated always as identity primary key,
    at         timestamptz not null,
    staff_id   bigint references staff_user (id),
    action     text        not null,
    article_id bigint references article (id) on delete set null,
    detail     text        not null default ''
);
create index audit_log_at_idx on audit_log (at desc, id desc);
create index audit_log_article_idx on audit_log (article_id, at desc);

-- Media: library metadata and resized variants.
alter table media add column alt text not null default '';
alter table media add column caption text not null default '';
alter table media add column credit text not null default '';
alter table media add column original_name text not null default '';
alter table media add column uploaded_by bigint references staff_user (id);
create index media_created_idx on media (created_at desc, id desc);

create table media_variant (
    media_id  bigint  not null references media (id) on delete cascade,
    width     integer not null check (width > 0),
    height    integer not null check (height > 0),
    file_name text    not null unique,
    byte_size bigint  not null,
    primary key (media_id, width)
);
