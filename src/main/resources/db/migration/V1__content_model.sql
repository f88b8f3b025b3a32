-- Masthead content model: sections, public author profiles (bylines), media, articles.

create table media (
    id           bigint generated always as identity primary key,
    file_name    text        not null unique,   -- content-hashed, so a URL never changes meaning
    content_type text        not null,
    width        integer     not null check (width > 0),
    height       integer     not null check (height > 0),
    byte_size    bigint      not null check (byte_size >= 0),
    created_at   timestamptz not null
);

create table section (
    id          bigint generated always as identity primary key,
    slug        text    not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text    not null check (length(trim(name)) > 0),
    description text    not null default '',
    position    integer not null default 0
);

-- Public bylines; separate from staff accounts so guest writers need no login.
create table author (
    id        bigint generated always as identity primary key,
    slug      text   not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name      text   not null check (length(trim(name)) > 0),
    job_title text   not null default '',
    bio       text   not null default '',
    avatar_id bigint references media (id),
    links     jsonb  not null default '[]'::jsonb
);

create table article (
    id                 bigint generated always as identity primary key,
    slug               text        not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    headline           text        not null check (length(trim(headline)) > 0),
    standfirst         text,
    section_id         bigint      not null references section (id),
    language           text        not null default 'en',
    body_markdown      text        not null,
    body_html          text        not null,
    body_text          text        not null,
    word_count         integer     not null,
    reading_minutes    integer     not null check (reading_minutes >= 1),
    lead_image_id      bigint references media (id),
    lead_image_alt     text,
    lead_image_caption text,
    lead_image_credit  text,
    status             text        not null check (status in ('draft', 'published')),
    published_at       timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    check (status <> 'published' or published_at is not null)
);

-- Keyset pagination of everything readers see: (published_at, id) descending, published rows only.
create index article_published_idx on article (published_at desc, id desc) where status = 'published';
create index article_section_published_idx on article (section_id, published_at desc, id desc) where status = 'published';

create table article_author (
    article_id   bigint  not null references article (id) on delete cascade,
    author_id    bigint  not null references author (id),
    position     integer not null,
    -- copy of article.published_at while the article is published, kept by triggers, so author pages
    -- paginate from one index instead of filtering every article
    published_at timestamptz,
    primary key (article_id, author_id),
    unique (article_id, position)
);
create index article_author_published_idx on article_author (author_id, published_at desc, article_id desc)
    where published_at is not null;

create function article_author_copy_published_at() returns trigger language plpgsql as $$
begin
    select case when a.status = 'published' then a.published_at end into new.published_at
    from article a where a.id = new.article_id;
    return new;
end $$;

create trigger article_author_published_at before insert or update of article_id on article_author
    for each row execute function article_author_copy_published_at();

create function article_sync_author_published_at() returns trigger language plpgsql as $$
begin
    update article_author
       set published_at = case when new.status = 'published' then new.published_at end
     where article_id = new.id;
    return null;
end $$;

create trigger article_published_at_to_authors after update of status, published_at on article
    for each row execute function article_sync_author_published_at();

create table tag (
    id   bigint generated always as identity primary key,
    slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name text not null
);

create table article_tag (
    article_id bigint not null references article (id) on delete cascade,
    tag_id     bigint not null references tag (id),
    position   integer not null,
    primary key (article_id, tag_id)
);
create index article_tag_tag_idx on article_tag (tag_id);

-- Old slugs keep answering (301) after an article is renamed.
create table article_slug_history (
    slug       text        primary key,
    article_id bigint      not null references article (id) on delete cascade,
    retired_at timestamptz not null
);
create index article_slug_history_article_idx on article_slug_history (article_id);
