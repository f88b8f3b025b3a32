package org.masthead.archive.wordpress;

import java.nio.file.Path;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.masthead.archive.source.ArchiveFormatException;

/**
 * One streaming pass over a WXR file: {@code <rss><channel>}'s own fields, its flat records ({@code wp:author},
 * {@code wp:category}, {@code wp:tag}, {@code wp:term}) and its items, in file order. Only one item is in memory
 * at a time.
 */
final class WxrFile {

    private WxrFile() {
    }

    interface Listener {

        /** A simple field of the channel: "title", "link", "language", "wp:base_site_url", "wp:wxr_version"… */
        default void channelField(String name, String value) {
        }

        /** A {@code wp:author}, {@code wp:category}, {@code wp:tag} or {@code wp:term}, as its fields. */
        default void record(String name, Map<String, String> fields) {
        }

        void item(WxrItem item);
    }

    /**
     * Reads the whole file, to its last closing tag.
     *
     * @throws ArchiveFormatException when the file is not XML, not an RSS export, or malformed or cut short
     */
    static void walk(Path file, Listener listener) {
        if (isEmpty(file)) {
            throw new ArchiveFormatException("The file is empty: it is not a WordPress export (WXR).");
        }
        try (WxrXml.Source source = WxrXml.open(file)) {
            XMLStreamReader xml = source.xml();
            if (!WxrXml.nextTag(xml)) {
                throw new ArchiveFormatException(
                        "This file holds no XML element: it is not a WordPress export (WXR).");
            }
            if (!xml.getLocalName().equals("rss")) {
                throw new ArchiveFormatException("This is not a WordPress export (WXR): its root element is <"
                        + xml.getLocalName() + ">, not <rss>.");
            }
            while (WxrXml.nextTag(xml) && xml.isStartElement()) {
                if (WxrXml.name(xml).equals("channel")) {
                    channel(xml, listener);
                } else {
                    WxrXml.skip(xml);
                }
            }
            while (xml.hasNext()) {
                xml.next(); // to the end of the document, so a malformed tail is found before anything is imported
            }
        } catch (XMLStreamException e) {
            throw WxrXml.malformed(e);
        }
    }

    private static boolean isEmpty(Path file) {
        try {
            return java.nio.file.Files.size(file) == 0;
        } catch (java.io.IOException unreadable) {
            return false; // opening it reports why
        }
    }

    private static void channel(XMLStreamReader xml, Listener listener) throws XMLStreamException {
        while (WxrXml.nextTag(xml) && xml.isStartElement()) {
            String name = WxrXml.name(xml);
            switch (name) {
                case "item" -> listener.item(WxrItem.read(xml));
                case "wp:author", "wp:category", "wp:tag", "wp:term" -> listener.record(name, WxrXml.fields(xml));
                default -> listener.channelField(name, WxrXml.text(xml));
            }
        }
    }
}
