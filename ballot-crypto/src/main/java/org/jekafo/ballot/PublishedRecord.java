package org.jekafo.ballot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything an auditor needs to recount a secret consultation, as one UTF-8 text file of lines (README,
 * "Published record"):
 * <pre>
 * jekafo-ballot-record 1
 * public-key &lt;ElectionPublicKey text&gt;
 * consultation &lt;id&gt;
 * question &lt;id&gt; &lt;options&gt; &lt;min chosen&gt; &lt;max chosen&gt;     (one line per question, in order)
 * ballot &lt;EncryptedBallot text&gt;                           (one line per ballot)
 * tally &lt;number of ballots summed&gt;
 * count &lt;question&gt; &lt;option&gt; &lt;ProvenDecryption text&gt;        (numbered from 1, every option in order)
 * </pre>
 * Identifiers are URL-encoded (UTF-8), so they hold no space. Fields are separated by one space; nothing else
 * is accepted.
 */
public record PublishedRecord(ElectionPublicKey key, BallotForm form, List<EncryptedBallot> ballots,
                              DecryptedTally tally) {

    static final String HEADER = "jekafo-ballot-record 1";

    public PublishedRecord {
        ballots = List.copyOf(ballots);
    }

    public RecountReport recount() {
        return Recount.run(key, form, ballots, tally);
    }

    public void write(Writer out) throws IOException {
        out.write(HEADER + "\n");
        out.write("public-key " + key.encode() + "\n");
        out.write("consultation " + encodeId(form.consultationId()) + "\n");
        for (QuestionForm question : form.questions()) {
            AnswerRule rule = question.rule();
            out.write("question " + encodeId(question.questionId()) + " " + rule.options() + " " + rule.minChosen()
                    + " " + rule.maxChosen() + "\n");
        }
        for (EncryptedBallot ballot : ballots) {
            out.write("ballot " + ballot.encode() + "\n");
        }
        out.write("tally " + tally.ballotCount() + "\n");
        for (int q = 0; q < tally.decryptions().size(); q++) {
            List<ProvenDecryption> question = tally.decryptions().get(q);
            for (int o = 0; o < question.size(); o++) {
                out.write("count " + (q + 1) + " " + (o + 1) + " " + question.get(o).encode() + "\n");
            }
        }
    }

    public String write() {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Reads a record; throws {@link MalformedEncodingException} naming the line for anything else. */
    public static PublishedRecord read(Reader source) throws IOException {
        Lines lines = new Lines(new BufferedReader(source));
        if (!HEADER.equals(lines.next())) {
            throw lines.error("expected \"" + HEADER + "\"");
        }
        ElectionPublicKey key = lines.parse(ElectionPublicKey::decode, lines.field("public-key", 1)[0]);
        String consultation = decodeId(lines, lines.field("consultation", 1)[0]);
        List<QuestionForm> questions = new ArrayList<>();
        while ("question".equals(lines.peekKeyword())) {
            String[] fields = lines.field("question", 4);
            questions.add(lines.parse(f -> new QuestionForm(decodeId(lines, f[0]), new AnswerRule(
                    number(f[1]), number(f[2]), number(f[3]))), fields));
        }
        BallotForm form = lines.parse(q -> new BallotForm(consultation, q), questions);
        List<EncryptedBallot> ballots = new ArrayList<>();
        while ("ballot".equals(lines.peekKeyword())) {
            ballots.add(lines.parse(EncryptedBallot::decode, lines.field("ballot", 1)[0]));
        }
        int ballotCount = lines.parse(PublishedRecord::number, lines.field("tally", 1)[0]);
        List<List<ProvenDecryption>> decryptions = new ArrayList<>();
        for (int q = 0; q < form.questions().size(); q++) {
            List<ProvenDecryption> question = new ArrayList<>();
            for (int o = 0; o < form.rule(q).options(); o++) {
                String[] fields = lines.field("count", 3);
                if (!fields[0].equals(String.valueOf(q + 1)) || !fields[1].equals(String.valueOf(o + 1))) {
                    throw lines.error("expected the count of question " + (q + 1) + ", option " + (o + 1));
                }
                question.add(lines.parse(ProvenDecryption::decode, fields[2]));
            }
            decryptions.add(question);
        }
        if (lines.next() != null) {
            throw lines.error("unexpected line after the last count");
        }
        return new PublishedRecord(key, form, ballots, new DecryptedTally(ballotCount, decryptions));
    }

    public static PublishedRecord read(String text) {
        try {
            return read(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encodeId(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static String decodeId(Lines lines, String field) {
        String id = URLDecoder.decode(field, StandardCharsets.UTF_8);
        if (!encodeId(id).equals(field)) {
            throw lines.error("identifier not in canonical URL encoding");
        }
        return id;
    }

    private static int number(String field) {
        if (!field.matches("0|[1-9][0-9]{0,8}")) {
            throw new IllegalArgumentException("not a canonical number: " + field);
        }
        return Integer.parseInt(field);
    }

    /** Line cursor that names the line of any refusal. */
    private static final class Lines {
        private final BufferedReader reader;
        private String pending;
        private int number;

        Lines(BufferedReader reader) {
            this.reader = reader;
        }

        String next() throws IOException {
            if (pending != null) {
                String line = pending;
                pending = null;
                return line;
            }
            String line = reader.readLine();
            if (line != null) {
                number++;
            }
            return line;
        }

        String peekKeyword() throws IOException {
            if (pending == null) {
                pending = reader.readLine();
                if (pending == null) {
                    return null;
                }
                number++;
            }
            int space = pending.indexOf(' ');
            return space < 0 ? pending : pending.substring(0, space);
        }

        String[] field(String keyword, int count) throws IOException {
            String line = next();
            if (line == null) {
                throw error("expected a \"" + keyword + "\" line, found the end");
            }
            String[] parts = line.split(" ", -1);
            if (!parts[0].equals(keyword) || parts.length != count + 1) {
                throw error("expected \"" + keyword + "\" with " + count + " field(s)");
            }
            String[] fields = new String[count];
            System.arraycopy(parts, 1, fields, 0, count);
            return fields;
        }

        <T, R> R parse(java.util.function.Function<T, R> parser, T input) {
            try {
                return parser.apply(input);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        MalformedEncodingException error(String message) {
            return new MalformedEncodingException("line " + number + ": " + message);
        }
    }
}
