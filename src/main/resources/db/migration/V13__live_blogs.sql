-- Live blogs: an article with a live flag, its coverage times, and entries the desk adds for hours.

create table live_blog (
    article_id           bigint      primary key references article (id) on delete cascade,
    coverage_start       timestamptz not null,
    coverage_end         timestamptz,
    -- contributors' entries go live at once (otherwise an editor approves each)
    open_to_contributors boolean     not null default false
);

create table live_entry (
    id           bigint generated always as identity primary key,
    article_id   bigint      not null references live_blog (article_id) on delete cascade,
    status       text        not null check (status in ('published', 'pending')),
    published_at timestamptz not null,
    updated_at   timestamptz not null,
    title        text        not null default '',
    body_source  text        not null,
    body_format  text        not null check (body_format in ('markdown', 'blocks')),
    body_html    text        not null,
    body_text    text        not null,
    key_event    boolean     not null default false,
    pinned       boolean     not null default false,
    created_by   bigint,
    version      integer     not null default 0
);
-- the reader page and its older pages walk this: newest first, ties broken by id
create index live_entry_stream on live_entry (article_id, published_at desc, id desc) where status = 'published';
create index live_entry_key_events on live_entry (article_id, published_at desc) where key_event and status = 'published';

create table live_entry_author (
    entry_id  bigint  not null references live_entry (id) on delete cascade,
    author_id bigint  not null references author (id),
    position  integer not null,
    primary key (entry_id, author_id)
);

-- Every version of every entry, kept after the entry is deleted (who wrote what, when).
create table live_entry_revision (
    id          bigint generated always as identity primary key,
    entry_id    bigint      not null,
    article_id  bigint      not null references article (id) on delete cascade,
    action      text        not null check (action in ('added', 'edited', 'deleted', 'approved')),
    title       text        not null,
    body_source text        not null,
    key_event   boolean     not null,
    pinned      boolean     not null,
    actor_kind  text        not null,
    actor_name  text        not null,
    staff_id    bigint,
    created_at  timestamptz not null
);
create index live_entry_revision_entry on live_entry_revision (entry_id, id);

-- What changed on a live blog, numbered: the reader streams' events, replayed after Last-Event-ID.
create table live_change (
    id         bigint generated always as identity primary key,
    article_id bigint      not null references live_blog (article_id) on delete cascade,
    entry_id   bigint      not null,
    kind       text        not null check (kind in ('added', 'edited', 'deleted')),
    at         timestamptz not null
);
create index live_change_article on live_change (article_id, id);

-- What other modules read.
create view content_live_blog as
select l.article_id, l.coverage_start, l.coverage_end, l.open_to_contributors,
       l.coverage_end is null and a.status = 'published' as running
from live_blog l join article a on a.id = l.article_id;

create view content_live_entry as
select e.id, e.article_id, e.status, e.published_at, e.updated_at, e.title, e.body_html, e.body_text, e.key_event,
       e.pinned, e.version
from live_entry e;

create view content_live_entry_author as
select ea.entry_id, ea.position, au.id as author_id, au.slug, au.name, au.listed
from live_entry_author ea join author au on au.id = ea.author_id;

create view content_live_change as select id, article_id, entry_id, kind, at from live_change;
