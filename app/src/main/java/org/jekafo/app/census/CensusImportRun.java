package org.jekafo.app.census;

import org.jekafo.api.census.CensusImportView;
import org.jekafo.api.census.CensusImportView.State;
import org.jekafo.app.platform.gate.ActingPrincipal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** One import's mutable state, updated by the thread that runs it and read by anyone. */
final class CensusImportRun {

    private final String id;
    private final String fileName;
    private final String sha256;
    private final long sizeBytes;
    private final ActingPrincipal importedBy;
    private final Path file;
    private final Path report;
    private final boolean uploaded;
    private final Instant startedAt = Instant.now();
    private volatile CensusImportView view;

    /**
     * @param uploaded whether {@code file} is a copy received by the server, to delete once imported (it holds
     *                 personal data); a file the standalone command reads is the user's own
     */
    CensusImportRun(String id, String fileName, String sha256, long sizeBytes, ActingPrincipal importedBy, Path file,
                    Path report, boolean uploaded) {
        this.id = id;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.importedBy = importedBy;
        this.file = file;
        this.report = report;
        this.uploaded = uploaded;
        this.view = view(State.QUEUED, null, 0, 0, 0, 0, 0, 0, null, null);
    }

    String id() {
        return id;
    }

    ActingPrincipal importedBy() {
        return importedBy;
    }

    Path file() {
        return file;
    }

    boolean uploaded() {
        return uploaded;
    }

    /** The rejection report, written when every line is handled. */
    Path report() {
        return report;
    }

    CensusImportView view() {
        return view;
    }

    synchronized void progress(CensusImport.Progress p) {
        view = view(State.RUNNING, null, p.done(), p.total(), p.registered(), p.alreadyImported(), p.rejected(),
                rate(p.done(), p.elapsed()), null, null);
    }

    synchronized void running() {
        view = with(State.RUNNING, null, null, null);
    }

    synchronized void indexing(CensusImport.Result result) {
        view = view(State.INDEXING, null, result.lines(), result.lines(), result.registered(), result.alreadyImported(),
                result.rejections().size(), result.linesPerSecond(), false, null);
    }

    synchronized void done(Boolean searchable, String message) {
        view = with(State.DONE, Instant.now(), searchable, message);
    }

    synchronized void failed(String message) {
        view = with(State.FAILED, Instant.now(), view.searchable(), message);
    }

    private CensusImportView with(State state, Instant endedAt, Boolean searchable, String message) {
        CensusImportView v = view;
        return view(state, endedAt, v.linesDone(), v.linesTotal(), v.registered(), v.alreadyImported(), v.rejected(),
                v.linesPerSecond(), searchable, message);
    }

    private CensusImportView view(State state, Instant endedAt, int done, int total, int registered, int already,
                                  int rejected, double rate, Boolean searchable, String message) {
        return new CensusImportView(id, fileName, sha256, sizeBytes, importedBy.name(), importedBy.role().name(), state,
                startedAt, endedAt, done, total, registered, already, rejected, rate, searchable, message);
    }

    private static double rate(int done, Duration elapsed) {
        return elapsed.isZero() ? 0 : done * 1000.0 / Math.max(1, elapsed.toMillis());
    }
}
