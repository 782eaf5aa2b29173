package org.jekafo.app.census;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The command line's view of an import: on a terminal, one line rewritten in place ({@code \r}); otherwise
 * (a file, a pipe) a plain line at each tenth of the file and at each change of stage.
 */
final class ProgressLine {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private String lastStage;
    private int lastTenth = -1;
    private boolean pending;

    ProgressLine(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Shows where an import stands: its stage, lines done of total, counts, rate. */
    synchronized void show(String stage, int done, int total, int registered, int already, int rejected, double rate) {
        String text = text(stage, done, total, registered, already, rejected, rate);
        if (terminal) {
            out.print("\r" + text + "\u001B[K");
            out.flush();
            pending = true;
            return;
        }
        int tenth = total <= 0 ? 0 : done * 10 / total;
        if (!stage.equals(lastStage) || tenth != lastTenth) {
            out.println(text);
            lastStage = stage;
            lastTenth = tenth;
        }
    }

    /** Ends the updating line, so that what follows starts on a line of its own. */
    synchronized void end() {
        if (pending) {
            out.println();
            pending = false;
        }
    }

    static String text(String stage, int done, int total, int registered, int already, int rejected, double rate) {
        int filled = total <= 0 ? 0 : (int) ((long) done * WIDTH / total);
        int percent = total <= 0 ? 0 : (int) ((long) done * 100 / total);
        return String.format(Locale.ROOT, "%-11s [%s%s] %3d %%  %d/%d lignes · %d enregistrées, %d déjà importées, "
                        + "%d rejetées · %.0f lignes/s", stage, "#".repeat(filled), "-".repeat(WIDTH - filled), percent,
                done, total, registered, already, rejected, rate);
    }

    /** The French word for an import's stage. */
    static String stage(String state) {
        return switch (state) {
            case "QUEUED" -> "en attente";
            case "RUNNING" -> "import";
            case "INDEXING" -> "indexation";
            case "DONE" -> "terminé";
            case "FAILED" -> "échec";
            default -> state.toLowerCase(Locale.ROOT);
        };
    }

    /** The closing summary, in French. */
    static String summary(String fileName, int lines, int registered, int already, int rejected, Boolean searchable,
                          String message, String report, double seconds) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Import de %s terminé en %.1f s : %d lignes, %d membres enregistrés, %d déjà importés, %d rejetés.",
                fileName, seconds, lines, registered, already, rejected));
        if (rejected > 0) {
            text.append("\nRapport des lignes rejetées : ").append(report);
        }
        if (Boolean.TRUE.equals(searchable)) {
            text.append("\nTous les membres importés sont consultables.");
        } else if (message != null) {
            text.append('\n').append(message);
        }
        return text.toString();
    }
}
