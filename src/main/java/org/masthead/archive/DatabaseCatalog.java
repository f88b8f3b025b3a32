package org.masthead.archive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the application's schema holds, from PostgreSQL's catalogs: its tables and their columns, the foreign keys and
 * triggers a restore sets aside while it loads, the columns whose ids come from sequences, and the schema version
 * Flyway migrated it to. Always the current schema: the one the application's tables live in.
 */
final class DatabaseCatalog {

    /** Flyway's own bookkeeping: not data, and what a restore must match rather than overwrite. */
    static final String FLYWAY_TABLE = "flyway_schema_history";

    record ForeignKey(String table, String name, String definition) {
    }

    record Trigger(String table, String name) {
    }

    record SequenceColumn(String table, String column, String sequence) {
    }

    private final JdbcClient jdbc;

    DatabaseCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every table but Flyway's, by name, with its columns in table order (generated columns are made, not copied). */
    Map<String, List<String>> tables() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        jdbc.sql("""
                select t.table_name, c.column_name
                from information_schema.tables t
                join information_schema.columns c on c.table_schema = t.table_schema and c.table_name = t.table_name
                where t.table_schema = current_schema() and t.table_type = 'BASE TABLE' and t.table_name <> ?
                    and c.is_generated = 'NEVER'
                order by t.table_name, c.ordinal_position
                """).param(FLYWAY_TABLE).query(rs -> {
            tables.computeIfAbsent(rs.getString("table_name"), name -> new ArrayList<>()).add(rs.getString("column_name"));
        });
        return tables;
    }

    /** The last schema version Flyway applied successfully, or null when Flyway never ran here. */
    String flywayVersion() {
        Boolean migrated = jdbc.sql("select to_regclass(?) is not null").param(FLYWAY_TABLE).query(Boolean.class).single();
        if (!migrated) {
            return null;
        }
        // versions compare as numbers part by part ("11" after "9"), not as text
        return jdbc.sql("select version from " + FLYWAY_TABLE + " where success and version is not null"
                        + " order by string_to_array(version, '.')::numeric[] desc limit 1")
                .query(String.class).optional().orElse(null);
    }

    List<ForeignKey> foreignKeys() {
        return jdbc.sql("""
                select r.relname as table_name, c.conname, pg_get_constraintdef(c.oid) as definition
                from pg_constraint c
                join pg_class r on r.oid = c.conrelid
                join pg_namespace n on n.oid = r.relnamespace
                where c.contype = 'f' and n.nspname = current_schema()
                order by r.relname, c.conname
                """).query((rs, n) -> new ForeignKey(rs.getString("table_name"), rs.getString("conname"),
                rs.getString("definition"))).list();
    }

    /** The application's own triggers that are switched on (PostgreSQL's internal ones enforce constraints). */
    List<Trigger> enabledTriggers() {
        return jdbc.sql("""
                select r.relname as table_name, t.tgname
                from pg_trigger t
                join pg_class r on r.oid = t.tgrelid
                join pg_namespace n on n.oid = r.relnamespace
                where not t.tgisinternal and t.tgenabled <> 'D' and n.nspname = current_schema()
                order by r.relname, t.tgname
                """).query((rs, n) -> new Trigger(rs.getString("table_name"), rs.getString("tgname"))).list();
    }

    /** Identity and serial columns, with the sequence behind each. */
    List<SequenceColumn> sequenceColumns() {
        return jdbc.sql("""
                select c.table_name, c.column_name, s.relname as sequence_name
                from information_schema.columns c
                cross join lateral (select pg_get_serial_sequence(quote_ident(c.table_name), c.column_name)::regclass
                                    as sequence) q
                join pg_class s on s.oid = q.sequence
                where c.table_schema = current_schema()
                    and (c.is_identity = 'YES' or c.column_default like 'nextval(%')
                order by c.table_name, c.column_name
                """).query((rs, n) -> new SequenceColumn(rs.getString("table_name"), rs.getString("column_name"),
                rs.getString("sequence_name"))).list();
    }

    /** Where each sequence of the schema stands: null when it never handed out a value. */
    List<BackupManifest.Sequence> sequences() {
        return jdbc.sql("select sequencename, last_value from pg_sequences where schemaname = current_schema() order by 1")
                .query((rs, n) -> new BackupManifest.Sequence(rs.getString("sequencename"),
                        rs.getObject("last_value", Long.class))).list();
    }

    /** A name as SQL must spell it, whatever characters it holds. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
