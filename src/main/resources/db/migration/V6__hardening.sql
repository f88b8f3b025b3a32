-- Hardening: unlisted guest profiles, one normalised form of staff emails, "Did you mean" from the whole
-- published text of what is published now.

-- A profile made from a guest byline has no public page until an article carrying it is published.
alter table author add column listed boolean not null default true;

-- Emails are normalised once, in Java (NFKC, lower case, stripped); PostgreSQL's lower() folds some letters
-- differently (İ), so the database no longer second-guesses the stored form.
alter table staff_user drop constraint staff_user_email_check;
alter table staff_user add constraint staff_user_email_check check (email like '%_@_%' and email = btrim(email));

-- "Did you mean": every word of the published headline, standfirst, body and caption, with the number of
-- published articles that use it. Kept exact by statement-level triggers that add an article's words when it is
-- published and take them away when it is withdrawn, deleted or its text changes.
drop trigger article_search_terms on article;
drop function search_terms_collect();
drop table search_term;

create table search_term (
    word     text    primary key,
    articles integer not null
);
create index search_term_trgm_idx on search_term using gin (word gin_trgm_ops);

create function article_suggestion_words(headline text, standfirst text, body_text text, caption text)
    returns text[] language sql immutable as $$
    select coalesce(array_agg(w), '{}') from unnest(tsvector_to_array(to_tsvector('simple',
        coalesce(headline, '') || ' ' || coalesce(standfirst, '') || ' ' || coalesce(body_text, '') || ' '
        || coalesce(caption, '')))) w
    where length(w) between 3 and 40 and w ~ '^[[:alpha:]]+$'
$$;

-- Rows are applied in word order, so concurrent publishes lock shared words in the same order and cannot deadlock.
create function search_terms_count() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into search_term as t (word, articles)
        select w, count(*) from new_rows n,
            unnest(article_suggestion_words(n.headline, n.standfirst, n.body_text, n.lead_image_caption)) w
        where n.status = 'published' group by w order by w
        on conflict (word) do update set articles = t.articles + excluded.articles;
    elsif tg_op = 'DELETE' then
        insert into search_term as t (word, articles)
        select w, -count(*) from old_rows o,
            unnest(article_suggestion_words(o.headline, o.standfirst, o.body_text, o.lead_image_caption)) w
        where o.status = 'published' group by w order by w
        on conflict (word) do update set articles = t.articles + excluded.articles;
    else
        with changed as (
            select case when o.status = 'published'
                        then article_suggestion_words(o.headline, o.standfirst, o.body_text, o.lead_image_caption)
                        else '{}' end as old_words,
                   case when n.status = 'published'
                        then article_suggestion_words(n.headline, n.standfirst, n.body_text, n.lead_image_caption)
                        else '{}' end as new_words
            from old_rows o join new_rows n on n.id = o.id
            where (o.status = 'published' or n.status = 'published')
              and (o.status, o.headline, o.standfirst, o.body_text, o.lead_image_caption)
                  is distinct from (n.status, n.headline, n.standfirst, n.body_text, n.lead_image_caption)
        ), delta as (
            select w, sum(d) as d from (
                select unnest(old_words) as w, -1 as d from changed
                union all
                select unnest(new_words), 1 from changed) words
            group by w having sum(d) <> 0
        )
        insert into search_term as t (word, articles)
        select w, d from delta order by w
        on conflict (word) do update set articles = t.articles + excluded.articles;
    end if;
    return null;
end $$;

create trigger article_search_terms_insert after insert on article
    referencing new table as new_rows for each statement execute function search_terms_count();
create trigger article_search_terms_update after update on article
    referencing old table as old_rows new table as new_rows for each statement execute function search_terms_count();
create trigger article_search_terms_delete after delete on article
    referencing old table as old_rows for each statement execute function search_terms_count();

insert into search_term (word, articles)
select w, count(*) from article a,
    unnest(article_suggestion_words(a.headline, a.standfirst, a.body_text, a.lead_image_caption)) w
where a.status = 'published' group by w;
