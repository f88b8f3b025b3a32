-- Ghost-compatible APIs: stable Ghost-style ids, featured stories and canonical URLs, articles owned by the
-- integration that wrote them, read models for the APIs; integrations with their keys, webhooks and their
-- delivery log (owned by the api module).

-- A Ghost ObjectID: 4 bytes of seconds since the epoch and 8 random bytes, as 24 hex digits. Imports keep the
-- source's ids; everything made here gets a new one.
create function new_object_id() returns text language sql volatile as $$
    select lpad(to_hex(extract(epoch from clock_timestamp())::bigint), 8, '0')
        || substr(replace(gen_random_uuid()::text, '-', ''), 1, 16)
$$;

alter table article add column public_id text;
alter table article add column uuid uuid;
update article set public_id = lpad(to_hex(extract(epoch from created_at)::bigint), 8, '0')
        || substr(replace(gen_random_uuid()::text, '-', ''), 1, 16),
    uuid = gen_random_uuid();
alter table article alter column public_id set default new_object_id();
alter table article alter column public_id set not null;
alter table article add constraint article_public_id_format check (public_id ~ '^[0-9a-f]{24}$');
alter table article add constraint article_public_id_unique unique (public_id);
alter table article alter column uuid set default gen_random_uuid();
alter table article alter column uuid set not null;
alter table article add constraint article_uuid_unique unique (uuid);

alter table author add column public_id text;
update author set public_id = new_object_id();
alter table author alter column public_id set default new_object_id();
alter table author alter column public_id set not null;
alter table author add constraint author_public_id_format check (public_id ~ '^[0-9a-f]{24}$');
alter table author add constraint author_public_id_unique unique (public_id);

alter table tag add column public_id text;
update tag set public_id = new_object_id();
alter table tag alter column public_id set default new_object_id();
alter table tag alter column public_id set not null;
alter table tag add constraint tag_public_id_format check (public_id ~ '^[0-9a-f]{24}$');
alter table tag add constraint tag_public_id_unique unique (public_id);

-- Ghost's tags and users carry when they were made and last changed (set by the application's clock from now on).
alter table tag add column created_at timestamptz not null default now();
alter table tag add column updated_at timestamptz not null default now();
alter table author add column created_at timestamptz not null default now();
alter table author add column updated_at timestamptz not null default now();

-- Stories the newsroom puts forward (Ghost's "featured"); kept by revisions like the rest of the content.
alter table article add column featured boolean not null default false;
alter table article_revision add column featured boolean not null default false;
create index article_featured_published_idx on article (published_at desc, id desc)
    where status = 'published' and kind = 'article' and featured;

-- Where a story first appeared, when it is republished here (rel=canonical).
alter table article add column canonical_url text not null default '';

-- An integration that creates an article owns it, as a staff member owns what they write.
alter table article add column created_by_integration bigint;

-- The reader's page names a canonical address from elsewhere; fronts may pick featured stories.
create or replace view content_article as
select a.id, a.kind, a.slug, a.headline, a.standfirst, a.status, a.language, a.section_id,
       s.slug as section_slug, s.name as section_name, a.body_html, a.body_text, a.word_count, a.reading_minutes,
       a.lead_image_id, a.lead_image_alt, a.lead_image_caption, a.lead_image_credit,
       a.published_at, a.updated_at, a.created_at, a.scheduled_at, a.created_by, a.version,
       array(select aa.author_id from article_author aa where aa.article_id = a.id order by aa.position) as author_ids,
       array(select au.name from article_author aa join author au on au.id = aa.author_id
             where aa.article_id = a.id order by aa.position) as author_names,
       array(select t.name from article_tag at join tag t on t.id = at.tag_id
             where at.article_id = a.id order by at.position) as tag_names,
       a.meta_title, a.meta_description, a.og_title, a.og_description, a.og_image_id,
       a.twitter_title, a.twitter_description, a.twitter_image_id, a.canonical_url, a.featured
from article a left join section s on s.id = a.section_id;

create or replace view content_published_article as
select * from content_article where status = 'published' and kind = 'article';

-- Bylines' and tags' new columns, for their readers.
create or replace view content_author as
select au.id, au.slug, au.name, au.job_title, au.bio, au.avatar_id, au.links, au.listed,
       exists (select 1 from article_author aa where aa.author_id = au.id and aa.published_at is not null) as published,
       au.public_id, au.created_at, au.updated_at
from author au;

create or replace view content_tag as
select id, slug, name, description, public_id, created_at, updated_at from tag;

-- What the Ghost-compatible APIs read: every article and page with its status (each API decides what its caller
-- may see), and their bylines and tags in order. Plain joins, so a filter on them uses the tables' indexes.
create view content_post as
select a.id, a.public_id, a.uuid, a.kind, a.slug, a.headline, a.standfirst, a.status, a.featured, a.language,
       a.section_id, s.slug as section_slug, s.name as section_name, a.body_source, a.body_format, a.body_html,
       a.body_text, a.word_count, a.body_image_count, a.reading_minutes, a.lead_image_id, a.lead_image_alt,
       a.lead_image_caption, a.lead_image_credit, a.published_at, a.scheduled_at, a.created_at, a.updated_at,
       a.created_by, a.created_by_integration, a.version, a.meta_title, a.meta_description, a.og_title,
       a.og_description, a.og_image_id, a.twitter_title, a.twitter_description, a.twitter_image_id, a.canonical_url
from article a left join section s on s.id = a.section_id;

create view content_post_author as
select aa.article_id, aa.position, au.id as author_id, au.public_id, au.slug, au.name
from article_author aa join author au on au.id = aa.author_id;

create view content_post_tag as
select at.article_id, at.position, t.id as tag_id, t.public_id, t.slug, t.name
from article_tag at join tag t on t.id = at.tag_id;

-- Integrations: apps and automations that call the Admin and Content APIs with their own keys.
create table integration (
    id            bigint generated always as identity primary key,
    public_id     text        not null unique default new_object_id(),
    name          text        not null check (length(trim(name)) > 0),
    description   text        not null default '',
    -- what it may do to content: CONTRIBUTOR writes drafts, REPORTER publishes its own, EDITOR publishes any
    role          text        not null check (role in ('CONTRIBUTOR', 'REPORTER', 'EDITOR')),
    content_key   text        not null unique check (content_key ~ '^[0-9a-f]{26}$'),
    admin_key_id  text        not null unique check (admin_key_id ~ '^[0-9a-f]{24}$'),
    -- HS256 is symmetric: the server needs the secret itself to check a token's signature, as Ghost does
    admin_secret  text        not null check (admin_secret ~ '^[0-9a-f]{64}$'),
    created_by    bigint,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    last_used_at  timestamptz
);

create table webhook (
    id                    bigint generated always as identity primary key,
    public_id             text        not null unique default new_object_id(),
    integration_id        bigint      not null references integration (id) on delete cascade,
    event                 text        not null,
    target_url            text        not null,
    name                  text        not null default '',
    secret                text        not null default '',
    api_version           text        not null default 'v6',
    -- a target answering 410 Gone is switched off (and says why); Administrators may switch it back on
    active                boolean     not null default true,
    disabled_reason       text        not null default '',
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    last_triggered_at     timestamptz,
    last_triggered_status text,
    last_triggered_error  text
);
create index webhook_by_event on webhook (event) where active;
create index webhook_by_integration on webhook (integration_id);

-- Each call owed to a webhook, written in the transaction of the change it reports (nothing is lost, nothing is
-- sent for a change that rolled back) and sent by a background worker, oldest first per resource.
create table webhook_delivery (
    id               bigint generated always as identity primary key,
    webhook_id       bigint      not null references webhook (id) on delete cascade,
    event            text        not null,
    -- "post-42", "tag-7", "site": deliveries about one resource go out in the order they happened
    resource_key     text        not null,
    payload          text        not null,
    created_at       timestamptz not null,
    status           text        not null check (status in ('pending', 'delivered', 'failed')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz,
    last_attempt_at  timestamptz,
    response_status  integer,
    response_excerpt text        not null default '',
    latency_ms       integer,
    error            text        not null default '',
    resent_from      bigint
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at, id) where status = 'pending';
create index webhook_delivery_order on webhook_delivery (webhook_id, resource_key, id) where status = 'pending';
create index webhook_delivery_log on webhook_delivery (webhook_id, created_at desc, id desc);

-- How each resource looked in the last payload sent about it, so the next one can name only the fields that
-- changed ("previous"), as Ghost's webhooks do.
create table webhook_resource_state (
    resource_key text        primary key,
    payload      text        not null,
    updated_at   timestamptz not null
);
