package dev.agentos.traces.render;

import dev.agentos.traces.analysis.TraceRules;
import dev.agentos.traces.query.CheckTraces;
import java.io.Writer;
import java.time.Instant;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A check as JUnit XML, the report format CI systems read (Ant's schema): one {@code <testsuite>}, one test case per rule and trace
 * (class name: the trace id), a {@code <failure>} with the observed value and the limit. Written with the JDK's
 * StAX writer, which escapes what traces may contain.
 */
public final class JUnitXml {

    private JUnitXml() {
    }

    public static void write(CheckTraces.Result r, String suiteName, Instant timestamp, double seconds, Writer out) {
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", clean(suiteName));
            w.writeAttribute("timestamp", timestamp.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
                    .replace("Z", ""));
            w.writeAttribute("hostname", "localhost");
            w.writeAttribute("tests", Integer.toString(r.results().size()));
            w.writeAttribute("failures", Long.toString(r.failed()));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", "0");
            w.writeAttribute("time", seconds(seconds));
            w.writeCharacters("\n    ");
            w.writeEmptyElement("properties");
            for (TraceRules.Result x : r.results()) {
                w.writeCharacters("\n    ");
                boolean failed = !x.passed();
                if (failed) {
                    w.writeStartElement("testcase");
                } else {
                    w.writeEmptyElement("testcase");
                }
                w.writeAttribute("name", clean(x.rule().label()));
                w.writeAttribute("classname", x.traceId() == null ? "all traces" : "trace " + x.traceId());
                w.writeAttribute("time", "0");
                if (failed) {
                    w.writeCharacters("\n      ");
                    w.writeStartElement("failure");
                    w.writeAttribute("message", clean("observed " + x.observed() + ", limit " + x.limit()));
                    w.writeAttribute("type", x.rule().type().key);
                    w.writeCharacters(clean(x.rule().label() + ": observed " + x.observed() + ", limit " + x.limit()));
                    w.writeEndElement();
                    w.writeCharacters("\n    ");
                    w.writeEndElement();
                }
            }
            w.writeCharacters("\n    ");
            w.writeEmptyElement("system-out");
            w.writeCharacters("\n    ");
            w.writeEmptyElement("system-err");
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static String seconds(double s) {
        return String.format(java.util.Locale.ROOT, "%.3f", s);
    }

    /** XML 1.0 cannot hold most control characters, even escaped: a span's output may contain them. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF ? c : '?'));
        return b.toString();
    }
}
