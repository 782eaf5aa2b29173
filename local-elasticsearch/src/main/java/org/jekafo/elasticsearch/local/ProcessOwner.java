package org.jekafo.elasticsearch.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jekafo.process.local.Commands;

/**
 * The operating-system user Elasticsearch runs as. Elasticsearch refuses to run as root, so a root
 * JVM hands the server over to a dedicated unprivileged user; any other JVM runs it as itself.
 */
interface ProcessOwner {

    /** The owner for this JVM: {@link DedicatedUser} when running as root ({@code id -u} is 0), else {@link CurrentUser}. */
    static ProcessOwner forThisJvm() {
        boolean root = "0".equals(Commands.run("id", "-u").strip());
        return root ? DedicatedUser.createIfMissing() : new CurrentUser();
    }

    /**
     * A folder the server user can reach: {@code preferred} when possible, else
     * {@code fallbackName} resolved against a folder of the owner's choice. The folder is created.
     */
    Path usableDirectory(Path preferred, String fallbackName) throws IOException;

    /** Gives the server user ownership of these folders and everything below them. */
    void takeOwnership(Path... folders);

    /** The words that precede a command to run it as the server user (empty: run it directly). */
    List<String> commandPrefix();

    /** The user name, for log messages. */
    String name();
}
