package org.jekafo.process.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Runs short operating-system commands (id, useradd, chown) and returns their output. */
public final class Commands {

    private Commands() {
    }

    /**
     * Runs {@code command} to completion.
     *
     * @return its standard output and error, combined
     * @throws IllegalStateException when it exits with a non-zero code
     */
    public static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exitCode = process.waitFor();
            if (exitCode != 0) {
                throw new IllegalStateException(
                        describe(command) + " failed with exit code " + exitCode + ": " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + describe(command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + describe(command), e);
        }
    }

    private static String describe(String... command) {
        return "'" + String.join(" ", command) + "'";
    }

    /** Whether {@code command} exits with code 0. */
    public static boolean succeeds(String... command) {
        try {
            run(command);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
