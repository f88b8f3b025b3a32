-- The block editor: block documents as body source, SEO and social fields, review notes, share-preview links,
-- and uploads that count only once an article uses them.

alter table article drop constraint article_body_format_check;
-- an untitled draft autosaved from its first keystroke may not have a section yet; review and publishing need one
alter table article drop constraint article_has_section;
alter table article add constraint article_has_section check (kind = 'page' or status = 'draft' or section_id is not null);
-- and no headline yet: the newsroom lists it as "Untitled draft"
alter table article drop constraint article_headline_check;
alter table article add constraint article_headline_check check (status = 'draft' or length(trim(headline)) > 0);
alter table article add constraint article_body_format_check check (body_format in ('blocks', 'markdown', 'html'));

-- What search engines and social networks show; empty means "use the headline, standfirst and lead image".
alter table article add column meta_title text not null default '';
alter table article add column meta_description text not null default '';
alter table article add column og_title text not null default '';
alter table article add column og_description text not null default '';
alter table article add column og_image_id bigint references media (id);
alter table article add column twitter_title text not null default '';
alter table article add column twitter_description text not null default '';
alter table article add column twitter_image_id bigint references media (id);
-- Revisions keep them too, so restoring a revision restores them.
alter table article_revision add column seo text not null default '{}';

-- Notes that travel with a story between writer and editor: on submitting it, on sending it back.
create table review_note (
    id          bigint generated always as identity primary key,
    article_id  bigint      not null references article (id) on delete cascade,
    kind        text        not null check (kind in ('submitted', 'returned')),
    note        text        not null,
    actor_kind  text        not null,
    actor_id    bigint,
    actor_name  text        not null,
    created_at  timestamptz not null
);
create index review_note_by_article on review_note (article_id, created_at desc, id desc);

-- Links to a draft for someone without an account: signed, expiring, and revocable here.
create table preview_link (
    id          uuid primary key,
    article_id  bigint      not null references article (id) on delete cascade,
    created_by  bigint,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    revoked_at  timestamptz
);
create index preview_link_by_article on preview_link (article_id, created_at desc);

-- Secrets every node shares (the key share-preview links are signed with), made once.
create table signing_key (
    name    text primary key,
    secret  bytea not null check (length(secret) >= 32)
);

-- An upload from the editor is kept once an article saved with it; one nobody used is removed after a day.
alter table media add column claimed boolean not null default true;
create index media_unclaimed on media (created_at) where not claimed;

-- The reader's page shows the SEO and social fields.
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
       a.twitter_title, a.twitter_description, a.twitter_image_id
from article a left join section s on s.id = a.section_id;

create or replace view content_published_article as
select * from content_article where status = 'published' and kind = 'article';
