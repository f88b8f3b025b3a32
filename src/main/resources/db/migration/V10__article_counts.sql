-- How many articles and pages there are in each status, kept exact in the transaction of every change by a
-- statement-level trigger, so the APIs' pagination totals need no count over a million rows. Rows are changed in
-- (kind, status) order, so concurrent writers lock them in the same order and cannot deadlock.

create table article_count (
    kind     text   not null,
    status   text   not null,
    articles bigint not null,
    primary key (kind, status)
);

insert into article_count (kind, status, articles)
select kind, status, count(*) from article group by kind, status;

create function article_count_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into article_count as c (kind, status, articles)
        select kind, status, count(*) from new_rows group by kind, status order by kind, status
        on conflict (kind, status) do update set articles = c.articles + excluded.articles;
    elsif tg_op = 'DELETE' then
        insert into article_count as c (kind, status, articles)
        select kind, status, -count(*) from old_rows group by kind, status order by kind, status
        on conflict (kind, status) do update set articles = c.articles + excluded.articles;
    else
        with delta as (
            select kind, status, sum(n) as n from (
                select o.kind, o.status, -1 as n from old_rows o join new_rows w on w.id = o.id
                where (o.kind, o.status) is distinct from (w.kind, w.status)
                union all
                select w.kind, w.status, 1 from old_rows o join new_rows w on w.id = o.id
                where (o.kind, o.status) is distinct from (w.kind, w.status)) changes
            group by kind, status having sum(n) <> 0
        )
        insert into article_count as c (kind, status, articles)
        select kind, status, n from delta order by kind, status
        on conflict (kind, status) do update set articles = c.articles + excluded.articles;
    end if;
    return null;
end $$;

create trigger article_count_insert after insert on article
    referencing new table as new_rows for each statement execute function article_count_apply();
-- (transition tables rule out a column list: the delta below ignores rows whose kind and status stayed)
create trigger article_count_update after update on article
    referencing old table as old_rows new table as new_rows for each statement execute function article_count_apply();
create trigger article_count_delete after delete on article
    referencing old table as old_rows for each statement execute function article_count_apply();

-- What other modules read.
create view content_post_count as select kind, status, articles from article_count;
