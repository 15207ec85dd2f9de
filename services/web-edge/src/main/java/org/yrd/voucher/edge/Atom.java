package org.yrd.voucher.edge;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** An Atom feed (RFC 4287) of published texts, for readers and other sites to follow (P12 publicity). */
public final class Atom {
    public static final String MEDIA_TYPE = "application/atom+xml";
    private static final String NS = "http://www.w3.org/2005/Atom";

    private Atom() {}

    /** One entry; {@code id} a stable URN, {@code link} the entry's page or API address. */
    public record Entry(String id, String title, String summary, String category, String link,
                        OffsetDateTime published, OffsetDateTime updated) {}

    public static String feed(String id, String title, String self, OffsetDateTime updated, List<Entry> entries) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(NS);
            text(w, "id", id);
            text(w, "title", title);
            text(w, "updated", time(updated));
            link(w, "self", self);
            w.writeStartElement("author");
            text(w, "name", title);
            w.writeEndElement();
            for (Entry e : entries) {
                w.writeStartElement("entry");
                text(w, "id", e.id());
                text(w, "title", e.title());
                text(w, "published", time(e.published()));
                text(w, "updated", time(e.updated()));
                if (e.category() != null) {
                    w.writeEmptyElement("category");
                    w.writeAttribute("term", e.category());
                }
                link(w, "alternate", e.link());
                text(w, "summary", e.summary());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** A long body's first 280 characters, for an entry's summary. */
    public static String summary(String body) {
        return body.length() <= 280 ? body : body.substring(0, 279) + "…";
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value == null ? "" : value);
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("href", href);
    }

    private static String time(OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
}
