package org.jekafo.app.platform.faults;

import org.jekafo.elasticsearch.local.LocalElasticsearch;

import java.io.IOException;

/** Signals sent to the real server process of the shared Elasticsearch, as an operator or a crash would. */
final class ElasticsearchServer {

    private final ProcessHandle process;

    private ElasticsearchServer(ProcessHandle process) {
        this.process = process;
    }

    static ElasticsearchServer shared() {
        return new ElasticsearchServer(LocalElasticsearch.shared().serverProcess()
                .orElseThrow(() -> new IllegalStateException("no Elasticsearch server process in this JVM")));
    }

    void pause() {
        signal("STOP");
    }

    void resume() {
        signal("CONT");
    }

    void kill() {
        signal("KILL");
    }

    private void signal(String name) {
        try {
            int exit = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
