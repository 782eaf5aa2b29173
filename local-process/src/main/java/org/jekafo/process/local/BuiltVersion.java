package org.jekafo.process.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The server version a module was built for: the {@code version} of a properties resource Maven filtered in. */
public final class BuiltVersion {

    private BuiltVersion() {
    }

    /**
     * The {@code version} of resource {@code name} beside {@code owner}, e.g. {@code 8.19.8}.
     *
     * @throws IllegalStateException when the resource is missing or holds no resolved version
     */
    public static String of(Class<?> owner, String name) {
        Properties properties = new Properties();
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "");
        if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
            throw new IllegalStateException(name + " holds no resolved version: '" + version
                    + "' (was the resource filtered by Maven?)");
        }
        return version;
    }
}
