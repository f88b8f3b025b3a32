package org.masthead.archive.wordpress;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.masthead.archive.source.ArchiveFormatException;

/**
 * Streaming access to a WXR file: a StAX reader that reads no DTD and resolves no external entity, and that
 * merges CDATA sections and text (so a {@code ]]]]><![CDATA[>} split reads as one value); and the elements' names
 * as "family:local" ({@code wp:post_id}, {@code content:encoded}, {@code excerpt:encoded}, {@code dc:creator}, plain
 * RSS names without a prefix), whatever WXR version and http/https spelling of the namespaces the file uses.
 */
final class WxrXml {

    private static final XMLInputFactory FACTORY = factory();
    private static final Pattern DECLARED_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']");
    private static final Pattern MISPLACED_DECLARATION = Pattern.compile("^(\\s+)<\\?xml[^>]*\\?>");
    private static final int HEAD = 1024;

    private WxrXml() {
    }

    private static XMLInputFactory factory() {
        // the JDK's own parser, whatever else the class path offers (Woodstox writes the sitemaps): the settings
        // below are what the WXR tests were written against
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /** An open file and its reader, closed together. */
    record Source(XMLStreamReader xml, Reader text) implements AutoCloseable {

        @Override
        public void close() {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // the underlying reader is closed next either way
            }
            try {
                text.close();
            } catch (IOException ignored) {
                // nothing was written; a close failure loses nothing
            }
        }
    }

    /**
     * Opens the file as text in the encoding its declaration names (WordPress writes its blog charset, almost
     * always UTF-8). Bytes not valid in it become U+FFFD, and characters XML forbids — control characters that old
     * WordPress databases hold and WordPress exports as they are — are dropped, rather than failing the import.
     */
    static Source open(Path file) {
        InputStream bytes;
        try {
            bytes = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        try {
            Charset charset = declaredCharset(bytes);
            Reader text = new XmlCharacters(withoutMisplacedDeclaration(new InputStreamReader(bytes, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE))));
            return new Source(FACTORY.createXMLStreamReader(text), text);
        } catch (XMLStreamException | RuntimeException e) {
            closeQuietly(bytes);
            throw malformed(e);
        } catch (IOException e) {
            closeQuietly(bytes);
            throw unreadable(file, e);
        }
    }

    private static ArchiveFormatException unreadable(Path file, IOException cause) {
        return new ArchiveFormatException("The WordPress export " + file.getFileName() + " could not be read: "
                + cause.getMessage(), cause);
    }

    private static void closeQuietly(InputStream bytes) {
        try {
            bytes.close();
        } catch (IOException ignored) {
            // already failing with the reason that matters
        }
    }

    private static Charset declaredCharset(InputStream bytes) throws IOException {
        bytes.mark(256);
        byte[] head = bytes.readNBytes(200);
        bytes.reset();
        int skip = head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf ? 3 : 0;
        if (skip > 0) {
            bytes.skipNBytes(skip); // a byte-order mark is not text
        }
        Matcher declared = DECLARED_ENCODING.matcher(new String(head, skip, head.length - skip, StandardCharsets.ISO_8859_1));
        if (declared.find()) {
            try {
                return Charset.forName(declared.group(1));
            } catch (IllegalArgumentException unknown) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    /**
     * A theme or plugin that prints blank lines before WordPress's output leaves them before the XML declaration,
     * where XML forbids anything; WordPress's own importer accepts such files. The declaration goes (the text is
     * already decoded) and the blank lines stay, so reported line numbers still match the file.
     */
    private static Reader withoutMisplacedDeclaration(Reader text) throws IOException {
        PushbackReader reader = new PushbackReader(text, HEAD);
        char[] head = new char[HEAD];
        int length = 0;
        int read;
        while (length < HEAD && (read = reader.read(head, length, HEAD - length)) > 0) {
            length += read;
        }
        String start = new String(head, 0, length);
        Matcher misplaced = MISPLACED_DECLARATION.matcher(start);
        String kept = misplaced.find() ? misplaced.group(1) + start.substring(misplaced.end()) : start;
        reader.unread(kept.toCharArray());
        return reader;
    }

    /** An XML error, or a file that ends too soon, as the import's error: what is wrong, and where. */
    static ArchiveFormatException malformed(Exception cause) {
        Location location = cause instanceof XMLStreamException xml ? xml.getLocation() : null;
        String where = location == null || location.getLineNumber() < 0 ? ""
                : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        // the JDK's message repeats the position as "ParseError at [row,col]:[12,3]\nMessage: …"
        reason = reason.replaceFirst("(?s)^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*Message:\\s*", "").strip()
                .replaceAll("\\.+$", "");
        String hint = "";
        if (reason.contains("must start and end within the same entity") || reason.contains("end of file")
                || reason.contains("Premature end")) {
            hint = " The file ends before its last elements are closed: it was probably cut short (an interrupted download "
                    + "or upload). Export it again from WordPress.";
        } else if (reason.contains("prolog")) {
            hint = " The file is not XML; a WordPress export is the .xml file WordPress makes under Tools → Export.";
        }
        return new ArchiveFormatException("This is not a complete, well-formed WordPress export (WXR): XML error" + where
                + ": " + reason + "." + hint, cause);
    }

    /** "wp:post_id", "content:encoded", "excerpt:encoded", "dc:creator", or the plain RSS name ("title", "item"). */
    static String name(XMLStreamReader xml) {
        String local = xml.getLocalName();
        String family = family(xml.getNamespaceURI());
        return family.isEmpty() ? local : family + ":" + local;
    }

    static String family(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return "";
        }
        String uri = namespace.toLowerCase(Locale.ROOT);
        if (uri.contains("wordpress.org/export/")) {
            return uri.contains("/excerpt") ? "excerpt" : "wp";
        }
        if (uri.contains("purl.org/rss/1.0/modules/content")) {
            return "content";
        }
        if (uri.contains("purl.org/dc/elements/")) {
            return "dc";
        }
        return "other";
    }

    /** Moves to the next start or end element; false at the end of the document. */
    static boolean nextTag(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /** The text of the current element and all its descendants; leaves the reader on its end tag. */
    static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> text.append(xml.getText() == null ? "" : xml.getText());
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("The file ends inside an element",
                        xml.getLocation());
                default -> {
                    // comments and processing instructions are not content
                }
            }
        }
        return text.toString();
    }

    /** Skips the current element and its descendants; leaves the reader on its end tag. */
    static void skip(XMLStreamReader xml) throws XMLStreamException {
        text(xml);
    }

    /** The current element's children as name → text, for the flat records WXR uses (wp:author, wp:category…). */
    static Map<String, String> fields(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> fields = new LinkedHashMap<>();
        while (nextTag(xml) && xml.isStartElement()) {
            String name = name(xml);
            String value = text(xml);
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    /**
     * Drops what XML 1.0 forbids in a document (control characters other than tab and line breaks, U+FFFE and
     * U+FFFF), which would otherwise stop the parser at a post that displayed fine in WordPress.
     */
    static final class XmlCharacters extends FilterReader {

        XmlCharacters(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c;
            do {
                c = super.read();
            } while (c >= 0 && !allowed((char) c));
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            while (true) {
                int count = super.read(buffer, offset, length);
                if (count <= 0) {
                    return count;
                }
                int kept = offset;
                for (int i = offset; i < offset + count; i++) {
                    if (allowed(buffer[i])) {
                        buffer[kept++] = buffer[i];
                    }
                }
                if (kept > offset) {
                    return kept - offset;
                }
            }
        }

        private static boolean allowed(char c) {
            return c >= 0x20 ? c != 0xfffe && c != 0xffff : c == '\t' || c == '\n' || c == '\r';
        }
    }
}
