-- Tags are found by name in any case (an editor's "Climate" is the tag "climate"): without this index every save
-- and every import batch read the whole tag table, tens of thousands of rows in a large archive.
create index tag_lower_name_idx on tag (lower(name));
