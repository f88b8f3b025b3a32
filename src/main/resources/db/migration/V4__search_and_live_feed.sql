-- Full-text search, related articles and the live news feed.

create extension if not exists pg_trgm;

-- Search vector per article: headline (A) > standfirst and tags (B) > body (C) > authors and section (D).
-- English articles are stemmed; every other language uses the 'simple' configuration, which keeps Cyrillic
-- and other scripts searchable word for word.
alter table article add column search_vector tsvector not null default ''::tsvector;

create function article_search_config(language text) returns regconfig language sql immutable as $$
    select case when language like 'en%' then 'english'::regconfig else 'simple'::regconfig end
$$;

create function article_search_vector(a article) returns tsvector language sql stable as $$
    select setweight(to_tsvector(article_search_config(a.language), coalesce(a.headline, '')), 'A')
        || setweight(to_tsvector(article_search_config(a.language), coalesce(a.standfirst, '')), 'B')
        || setweight(to_tsvector(article_search_config(a.language), coalesce((
               select string_agg(t.name, ' ') from article_tag at join tag t on t.id = at.tag_id
               where at.article_id = a.id), '')), 'B')
        || setweight(to_tsvector(article_search_config(a.language), coalesce(a.body_text, '')), 'C')
        || setweight(to_tsvector('simple', coalesce((
               select string_agg(au.name, ' ') from article_author aa join author au on au.id = aa.author_id
               where aa.article_id = a.id), '')), 'D')
        || setweight(to_tsvector('simple', coalesce((select s.name from section s where s.id = a.section_id), '')), 'D')
$$;

create function article_search_refresh() returns trigger language plpgsql as $$
begin
    new.search_vector := article_search_vector(new);
    return new;
end $$;

create trigger article_search before insert or update of headline, standfirst, body_text, language, section_id
    on article for each row execute function article_search_refresh();

-- Bylines and tags are written after the article row, in the same transaction: refresh the vector then.
create function article_children_search_refresh() returns trigger language plpgsql as $$
declare
    changed bigint := coalesce(new.article_id, old.article_id);
begin
    update article a set search_vector = article_search_vector(a) where a.id = changed;
    return null;
end $$;

create trigger article_author_search after insert or delete on article_author
    for each row execute function article_children_search_refresh();
create trigger article_tag_search after insert or delete on article_tag
    for each row execute function article_children_search_refresh();

update article a set search_vector = article_search_vector(a);
create index article_search_idx on article using gin (search_vector);

-- Known words of headlines, for "Did you mean …" suggestions by trigram similarity.
create table search_term (
    word text primary key
);
create index search_term_trgm_idx on search_term using gin (word gin_trgm_ops);

create function search_terms_collect() returns trigger language plpgsql as $$
begin
    insert into search_term (word)
    select distinct lower(w) from regexp_split_to_table(new.headline, '[^[:alnum:]]+') w
    where length(w) >= 3
    on conflict do nothing;
    return null;
end $$;

create trigger article_search_terms after insert or update of headline on article
    for each row execute function search_terms_collect();

insert into search_term (word)
select distinct lower(w) from article, regexp_split_to_table(headline, '[^[:alnum:]]+') w where length(w) >= 3
on conflict do nothing;

-- Related articles read the newest articles per tag: keep published_at beside the tag link, like bylines.
alter table article_tag add column published_at timestamptz;
create index article_tag_published_idx on article_tag (tag_id, published_at desc) where published_at is not null;

create function article_tag_copy_published_at() returns trigger language plpgsql as $$
begin
    select case when a.status = 'published' then a.published_at end into new.published_at
    from article a where a.id = new.article_id;
    return new;
end $$;

create trigger article_tag_published_at before insert on article_tag
    for each row execute function article_tag_copy_published_at();

create or replace function article_sync_author_published_at() returns trigger language plpgsql as $$
begin
    update article_author
       set published_at = case when new.status = 'published' then new.published_at end
     where article_id = new.id;
    update article_tag
       set published_at = case when new.status = 'published' then new.published_at end
     where article_id = new.id;
    return null;
end $$;

update article_tag at set published_at = a.published_at from article a where a.id = at.article_id and a.status = 'published';

-- The live news feed: every publish and unpublish, numbered, so a reconnecting reader can ask for what it missed.
create table feed_event (
    id         bigint generated always as identity primary key,
    article_id bigint      not null,
    kind       text        not null check (kind in ('published', 'unpublished')),
    at         timestamptz not null default now()
);
