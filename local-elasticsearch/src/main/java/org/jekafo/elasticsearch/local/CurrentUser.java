package org.jekafo.elasticsearch.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A non-root JVM: Elasticsearch runs as the same user, in the folders asked for. */
final class CurrentUser implements ProcessOwner {

    @Override
    public Path usableDirectory(Path preferred, String fallbackName) throws IOException {
        return Files.createDirectories(preferred);
    }

    @Override
    public void takeOwnership(Path... folders) {
        // the folders already belong to this user
    }

    @Override
    public List<String> commandPrefix() {
        return List.of();
    }

    @Override
    public String name() {
        return System.getProperty("user.name");
    }
}
