package org.masthead.archive.ghost;

import java.util.function.Consumer;

import org.masthead.archive.source.ArchiveFormatException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Finds the tables in a Ghost export as the parser streams past them, whatever wraps them: the download's
 * {@code {"db":[{"meta":…,"data":{…}}]}}, the documented {@code {"meta":…,"data":{…}}} (either key first), or a
 * {@code data} nested in another {@code data} as some tools write it.
 */
final class GhostExportLayout {

    /** Receives each table with the parser on its opening bracket; it must read the table through its closing one. */
    @FunctionalInterface
    interface TableReader {
        void table(String name, JsonParser parser);
    }

    private final JsonParser parser;
    private final TableReader tables;
    private boolean sawData;

    private GhostExportLayout(JsonParser parser, TableReader tables) {
        this.parser = parser;
        this.tables = tables;
    }

    /** Reads the whole export, handing every table to {@code tables} in file order. */
    static void walk(JsonParser parser, TableReader tables) {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new ArchiveFormatException("The Ghost export is empty.");
        }
        if (first != JsonToken.START_OBJECT) {
            throw new ArchiveFormatException("This is not a Ghost export: it does not start with a JSON object.");
        }
        GhostExportLayout layout = new GhostExportLayout(parser, tables);
        layout.wrapper();
        if (!layout.sawData) {
            throw new ArchiveFormatException("This is not a Ghost export: it has no \"data\" object holding tables.");
        }
    }

    /** Reads the rows of a table one at a time, the parser on each row's first token. */
    static void forEachRow(JsonParser parser, Consumer<JsonParser> row) {
        while (next(parser) != JsonToken.END_ARRAY) {
            row.accept(parser);
        }
    }

    /** The next token; the parser itself reports most truncations, this the few it answers with "no more". */
    static JsonToken next(JsonParser parser) {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw GhostJsonReader.truncated(parser);
        }
        return token;
    }

    /** An object that may hold "db", "meta" and "data"; the parser is on its opening brace. */
    private void wrapper() {
        while (next(parser) == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = next(parser);
            if (name.equals("db") && value == JsonToken.START_ARRAY) {
                while (next(parser) != JsonToken.END_ARRAY) {
                    if (parser.currentToken() == JsonToken.START_OBJECT) {
                        wrapper();
                    } else {
                        parser.skipChildren();
                    }
                }
            } else if (name.equals("data") && value == JsonToken.START_OBJECT) {
                data();
            } else {
                parser.skipChildren(); // "meta", and anything a tool added
            }
        }
    }

    /** The tables, by name; the parser is on the opening brace. */
    private void data() {
        sawData = true;
        while (next(parser) == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = next(parser);
            if (value == JsonToken.START_ARRAY) {
                tables.table(name, parser);
                if (parser.currentToken() != JsonToken.END_ARRAY) {
                    throw new IllegalStateException("The reader of table " + name + " stopped before its end");
                }
            } else if (name.equals("data") && value == JsonToken.START_OBJECT) {
                data();
            } else {
                parser.skipChildren(); // "meta" inside "data", or a table that is null
            }
        }
    }
}
