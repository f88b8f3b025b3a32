-- "Did you mean" must not reveal drafts or embargoed stories: known words come from published headlines only.
create or replace function search_terms_collect() returns trigger language plpgsql as $$
begin
    if new.status = 'published' then
        insert into search_term (word)
        select distinct lower(w) from regexp_split_to_table(new.headline, '[^[:alnum:]]+') w
        where length(w) >= 3
        on conflict do nothing;
    end if;
    return null;
end $$;

drop trigger article_search_terms on article;
create trigger article_search_terms after insert or update of headline, status on article
    for each row execute function search_terms_collect();

truncate search_term;
insert into search_term (word)
select distinct lower(w) from article, regexp_split_to_table(headline, '[^[:alnum:]]+') w
where status = 'published' and length(w) >= 3
on conflict do nothing;
