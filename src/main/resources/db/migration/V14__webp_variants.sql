-- WebP copies beside the JPEG and PNG ones, at the same widths (a third of the bytes for the same picture);
-- pages offer them first and browsers without WebP take the others.
alter table media_variant add column webp boolean not null default false;
alter table media_variant drop constraint media_variant_pkey;
alter table media_variant add primary key (media_id, width, webp);

create or replace view media_picture as
select m.id as media_id, m.file_name, m.content_type, m.width, m.height, m.byte_size, m.alt, m.caption, m.credit,
       array(select v.width::text || ' ' || v.file_name from media_variant v where v.media_id = m.id and not v.webp
             order by v.width) as variants,
       array(select v.width::text || ' ' || v.file_name from media_variant v where v.media_id = m.id and v.webp
             order by v.width) as webp_variants
from media m;
