-- What the archive module's export reads besides posts: an article's old addresses (imported from the site it came
-- from) and the slugs it was renamed from, so a move to another platform keeps every address answering.

create view content_post_old_path as
select o.article_id, o.path from article_old_path o;

create view content_post_slug_history as
select h.article_id, h.slug, h.retired_at from article_slug_history h;
