-- Words and publication periods in one GIN index, so a search reads only a window of stories ("officials" in the
-- last two weeks, "harbour" in 2015 and 2016) without fetching every match to order it by date: GIN intersects
-- the words' postings with the periods' inside the index. A story's periods are its year, month and week as
-- lexemes of their own ('y2016', 'm201612', 'w2450': weeks since the Unix epoch), which no parsed query can
-- produce; a window is an OR of them.
create function search_period(published_at timestamptz) returns tsvector
    language sql immutable parallel safe
    return array_to_tsvector(array[
        'y' || extract(year from published_at at time zone 'UTC')::int,
        'm' || (extract(year from published_at at time zone 'UTC')::int * 100
                + extract(month from published_at at time zone 'UTC')::int),
        'w' || floor(extract(epoch from published_at) / 604800)::bigint]);

alter table search_document add column period tsvector;
-- the words-only index goes first: filling the new column then rewrites no index entries for the words
drop index if exists search_document_vector_idx;
update search_document set period = search_period(published_at);
alter table search_document alter column period set not null;

set local maintenance_work_mem = '256MB';
create index search_document_vector_period_idx on search_document using gin (vector, period);
