-- The zone the site shows dates and times in, as Administrators set it (a tz database name such as Europe/Kyiv);
-- blank falls back to the deployment's masthead.site.time-zone, as every other blank site setting does.
alter table site_settings add column time_zone text not null default '';
