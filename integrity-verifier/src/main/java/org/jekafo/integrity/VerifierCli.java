package org.jekafo.integrity;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The auditor's verifier, run without the system:
 * {@code java -jar integrity-verifier.jar --export store.ndjson [--checkpoint checkpoint.json] [--public-key KEY]}.
 * Checks the export's checksum, then the chain it holds, against the checkpoint and its signature when given
 * ({@code --public-key}: the server's published key, base64, or a file holding it). Prints OK or each broken place;
 * exit code 0 (intact), 1 (broken places found), 2 (unusable arguments or files).
 */
public final class VerifierCli {

    /** Broken places printed at most. */
    private static final int MAX_FINDINGS = 10_000;

    private VerifierCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs with {@code args}, printing to {@code out} and {@code err}; answers the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path export = null;
        Path checkpointFile = null;
        String publicKey = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--export" -> export = value == null ? null : Path.of(value);
                case "--checkpoint" -> checkpointFile = value == null ? null : Path.of(value);
                case "--public-key" -> publicKey = value;
                default -> {
                    return usage(err, "Argument inconnu : " + args[i]);
                }
            }
            i++;
        }
        if (export == null) {
            return usage(err, "--export est obligatoire.");
        }
        try {
            Checkpoint checkpoint = checkpointFile == null ? null
                    : Checkpoint.fromJson(Files.readString(checkpointFile, StandardCharsets.UTF_8));
            String trustedKey = publicKey == null ? null
                    : Files.isRegularFile(Path.of(publicKey)) ? Files.readString(Path.of(publicKey)).strip() : publicKey;
            ExportFile file = ExportFile.open(export);
            VerificationReport report = file.verification(checkpoint, trustedKey, MAX_FINDINGS)
                    .run(file.events(), file.links());
            print(report, checkpoint, out);
            return report.ok() ? 0 : 1;
        } catch (IllegalArgumentException unusable) {
            err.println("Vérification impossible : " + unusable.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException unreadable) {
            err.println("Fichier illisible : " + unreadable.getMessage());
            return 2;
        }
    }

    private static void print(VerificationReport report, Checkpoint checkpoint, PrintStream out) {
        String scope = String.format(Locale.ROOT, "%d événements, %d maillons vérifiés en %.2f s (%.0f événements/s)%s",
                report.eventsChecked(), report.linksChecked(), report.elapsedNanos() / 1e9, report.rate(),
                checkpoint == null ? ", sans point de contrôle"
                        : ", contre le point de contrôle " + checkpoint.checkpointId() + " du " + checkpoint.recordedAt());
        if (report.ok()) {
            out.println("OK : " + scope + ".");
            if (report.unchainedEvents() > 0) {
                out.println(report.unchainedEvents() + " événement(s) plus récent(s) que la chaîne, pas encore enchaîné(s).");
            }
            return;
        }
        out.println("ALTÉRÉ : " + report.findingCount() + " endroit(s) en défaut ; " + scope + ".");
        report.findings().forEach(finding -> out.println(finding.line()));
        if (report.findingCount() > report.findings().size()) {
            out.println("… et " + (report.findingCount() - report.findings().size()) + " autre(s).");
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("Usage : java -jar integrity-verifier.jar --export magasin.ndjson [--checkpoint point.json] "
                + "[--public-key CLÉ|fichier]");
        return 2;
    }
}
