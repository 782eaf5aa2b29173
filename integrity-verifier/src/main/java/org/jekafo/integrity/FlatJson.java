package org.jekafo.integrity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON of the export and of checkpoints: one flat object per line, whose values are strings, whole numbers,
 * booleans or null. Written field by field in a fixed order; read back into a map. No library, so the auditor's
 * jar needs nothing but a Java runtime.
 */
public final class FlatJson {

    private final StringBuilder text = new StringBuilder(256).append('{');

    public FlatJson put(String name, String value) {
        key(name);
        if (value == null) {
            text.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    public FlatJson put(String name, long value) {
        key(name);
        text.append(value);
        return this;
    }

    public FlatJson put(String name, boolean value) {
        key(name);
        text.append(value);
        return this;
    }

    /** The object's text, on one line. */
    public String text() {
        return text + "}";
    }

    private void key(String name) {
        if (text.length() > 1) {
            text.append(',');
        }
        quote(name);
        text.append(':');
    }

    private void quote(String value) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }

    /** The fields of a flat object: String, Long, Boolean or null values. */
    public static Map<String, Object> parse(String json) {
        Reader reader = new Reader(json);
        Map<String, Object> fields = reader.object();
        reader.space();
        if (reader.at < json.length()) {
            throw reader.error("text after the object");
        }
        return fields;
    }

    /** A field that must be a text. */
    public static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("« " + name + " » n'est pas un texte");
        }
        return (String) value;
    }

    /** A field that must be a whole number. */
    public static long number(Map<String, Object> fields, String name) {
        if (!(fields.get(name) instanceof Long value)) {
            throw new IllegalArgumentException("« " + name + " » manque ou n'est pas un nombre entier");
        }
        return value;
    }

    private static final class Reader {
        private final String json;
        private int at;

        Reader(String json) {
            this.json = json;
        }

        Map<String, Object> object() {
            space();
            expect('{');
            Map<String, Object> fields = new LinkedHashMap<>();
            space();
            if (peek() == '}') {
                at++;
                return fields;
            }
            while (true) {
                space();
                String name = string();
                space();
                expect(':');
                space();
                fields.put(name, value());
                space();
                char next = next();
                if (next == '}') {
                    return fields;
                }
                if (next != ',') {
                    throw error("',' or '}' expected");
                }
            }
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (json.startsWith("null", at)) {
                at += 4;
                return null;
            }
            if (json.startsWith("true", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (json.startsWith("false", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            int start = at;
            if (c == '-') {
                at++;
            }
            while (at < json.length() && Character.isDigit(json.charAt(at))) {
                at++;
            }
            if (start == at || (at == start + 1 && c == '-')) {
                throw error("value expected");
            }
            return Long.parseLong(json.substring(start, at));
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (at + 4 > json.length()) {
                            throw error("bad escape");
                        }
                        out.append((char) Integer.parseInt(json.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> throw error("bad escape");
                }
            }
        }

        void space() {
            while (at < json.length() && Character.isWhitespace(json.charAt(at))) {
                at++;
            }
        }

        private char peek() {
            if (at >= json.length()) {
                throw error("unexpected end");
            }
            return json.charAt(at);
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw error("'" + c + "' expected");
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON illisible à la position " + at + " : " + what);
        }
    }
}
