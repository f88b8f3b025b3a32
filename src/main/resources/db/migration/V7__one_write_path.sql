-- One write path with durable events: static pages beside articles, Markdown or HTML bodies, real tags, actors
-- in revisions and the audit log, a search index owned by search and kept by its listener, views through which
-- other modules read content, and Spring Modulith's event publication registry.

-- Static pages (About, Contact…) are articles of another kind: same write path, no section, feed or News Feed.
alter table article add column kind text not null default 'article' check (kind in ('article', 'page'));
alter table article alter column section_id drop not null;
alter table article add constraint article_has_section check (kind = 'page' or section_id is not null);
drop index article_published_idx;
create index article_published_idx on article (published_at desc, id desc) where status = 'published' and kind = 'article';

-- A body's source is Markdown (the editor) or HTML (imports, APIs); both render through one sanitizer.
alter table article rename column body_markdown to body_source;
alter table article add column body_format text not null default 'markdown' check (body_format in ('markdown', 'html'));
alter table article_revision rename column body_markdown to body_source;
alter table article_revision add column body_format text not null default 'markdown';
alter table article_revision drop constraint article_revision_reason_check;
alter table article_revision add constraint article_revision_reason_check check (reason in
    ('create', 'save', 'autosave', 'submit', 'draft', 'schedule', 'unschedule', 'publish', 'unpublish', 'restore', 'import'));
alter table article_revision alter column section_id drop not null;

-- Who did it: a staff member, an integration, the importer, the scheduler or the system, by name as it was then.
alter table article_revision add column actor_kind text not null default 'staff';
alter table article_revision add column actor_name text not null default '';
update article_revision r set actor_name = s.display_name from staff_user s where s.id = r.staff_id;
update article_revision set actor_kind = 'scheduler', actor_name = 'Scheduler' where staff_id is null;
alter table audit_log add column actor_kind text not null default 'staff';
alter table audit_log add column actor_id bigint;
alter table audit_log add column actor_name text not null default '';
update audit_log l set actor_id = l.staff_id, actor_name = s.display_name from staff_user s where s.id = l.staff_id;
update audit_log set actor_kind = 'scheduler', actor_name = 'Scheduler' where staff_id is null;

-- Tags are entities with a description and their own pages.
alter table tag add column description text not null default '';

-- Search owns its index: one document per published article, written by its listener after each change.
drop trigger article_search on article;
drop trigger article_author_search on article_author;
drop trigger article_tag_search on article_tag;
drop function article_search_refresh();
drop function article_children_search_refresh();
drop trigger article_search_terms_insert on article;
drop trigger article_search_terms_update on article;
drop trigger article_search_terms_delete on article;
drop function search_terms_count();
drop function article_suggestion_words(text, text, text, text);

create table search_document (
    article_id   bigint      primary key,
    language     text        not null,
    section_id   bigint,
    author_ids   bigint[]    not null,
    published_at timestamptz not null,
    vector       tsvector    not null,
    indexed_at   timestamptz not null
);
create index search_document_vector_idx on search_document using gin (vector);
create index search_document_published_idx on search_document (published_at desc, article_id desc);

-- Did-you-mean candidates: every word ever published; a suggestion is offered only while a published document
-- still contains it (checked against search_document), so withdrawn and re-headlined words never come back.
alter table search_term drop column articles;

-- Feed events remember the content event they came from, so a listener that runs twice records one.
alter table feed_event add column source_event_id uuid unique;

-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0).
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
-- Completed publications move here (completion mode "archive"), so the live table holds only open work.
create table event_publication_archive (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_archive_serialized_event_hash_idx on event_publication_archive using hash (serialized_event);
create index event_publication_archive_by_completion_date_idx on event_publication_archive (completion_date);

-- What other modules read: media describes its pictures, content its articles. Nobody else joins the tables.
create view media_picture as
select m.id as media_id, m.file_name, m.content_type, m.width, m.height, m.byte_size, m.alt, m.caption, m.credit,
       array(select v.width::text || ' ' || v.file_name from media_variant v where v.media_id = m.id order by v.width)
           as variants
from media m;

create view content_article as
select a.id, a.kind, a.slug, a.headline, a.standfirst, a.status, a.language, a.section_id,
       s.slug as section_slug, s.name as section_name, a.body_html, a.body_text, a.word_count, a.reading_minutes,
       a.lead_image_id, a.lead_image_alt, a.lead_image_caption, a.lead_image_credit,
       a.published_at, a.updated_at, a.created_at, a.scheduled_at, a.created_by, a.version,
       array(select aa.author_id from article_author aa where aa.article_id = a.id order by aa.position) as author_ids,
       array(select au.name from article_author aa join author au on au.id = aa.author_id
             where aa.article_id = a.id order by aa.position) as author_names,
       array(select t.name from article_tag at join tag t on t.id = at.tag_id
             where at.article_id = a.id order by at.position) as tag_names
from article a left join section s on s.id = a.section_id;

create view content_published_article as
select * from content_article where status = 'published' and kind = 'article';

create view content_section as select id, slug, name, description, position from section;

create view content_author as
select au.id, au.slug, au.name, au.job_title, au.bio, au.avatar_id, au.links, au.listed,
       exists (select 1 from article_author aa where aa.author_id = au.id and aa.published_at is not null) as published
from author au;

create view content_tag as select id, slug, name, description from tag;

-- Bylines and tag links of published articles, in the order of their per-author and per-tag indexes.
create view content_published_byline as
select aa.author_id, aa.article_id, aa.position, aa.published_at from article_author aa where aa.published_at is not null;

create view content_published_tagging as
select at.tag_id, at.article_id, at.position, at.published_at from article_tag at where at.published_at is not null;

-- The documents search indexes: published articles with everything a reader may search for.
create view content_searchable_article as
select a.id, a.language, a.section_id, a.published_at, a.headline, a.standfirst, a.body_text, a.lead_image_caption,
       s.name as section_name,
       array(select aa.author_id from article_author aa where aa.article_id = a.id order by aa.position) as author_ids,
       coalesce((select string_agg(au.name, ' ') from article_author aa join author au on au.id = aa.author_id
                 where aa.article_id = a.id), '') as author_names,
       coalesce((select string_agg(t.name, ' ') from article_tag at join tag t on t.id = at.tag_id
                 where at.article_id = a.id), '') as tag_names
from article a left join section s on s.id = a.section_id
where a.status = 'published' and a.kind = 'article';

-- Fill the new index from what is published (later changes arrive through the search listener).
insert into search_document (article_id, language, section_id, author_ids, published_at, vector, indexed_at)
select a.id, a.language, a.section_id, a.author_ids, a.published_at,
       setweight(to_tsvector(article_search_config(a.language), coalesce(a.headline, '')), 'A')
       || setweight(to_tsvector(article_search_config(a.language), coalesce(a.standfirst, '')), 'B')
       || setweight(to_tsvector(article_search_config(a.language), a.tag_names), 'B')
       || setweight(to_tsvector(article_search_config(a.language), coalesce(a.body_text, '') || ' '
                                || coalesce(a.lead_image_caption, '')), 'C')
       || setweight(to_tsvector('simple', a.author_names), 'D')
       || setweight(to_tsvector('simple', coalesce(a.section_name, '')), 'D'),
       now()
from content_searchable_article a;

insert into search_term (word)
select distinct w from content_searchable_article a,
    unnest(tsvector_to_array(to_tsvector('simple', coalesce(a.headline, '') || ' ' || coalesce(a.standfirst, '') || ' '
        || coalesce(a.body_text, '') || ' ' || coalesce(a.lead_image_caption, '')))) w
where length(w) between 3 and 40 and w ~ '^[[:alpha:]]+$'
on conflict do nothing;

drop index article_search_idx;
alter table article drop column search_vector;
drop function article_search_vector(article);
