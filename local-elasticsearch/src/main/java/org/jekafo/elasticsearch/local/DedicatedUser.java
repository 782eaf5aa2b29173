package org.jekafo.elasticsearch.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jekafo.process.local.Commands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A root JVM: Elasticsearch runs as the unprivileged system user {@value #NAME} through
 * {@code runuser}. Folders whose ancestors that user cannot traverse (anything under
 * {@code /root}, for instance) are replaced by folders under {@value #FALLBACK_ROOT}; the
 * permissions of existing folders are never changed.
 */
final class DedicatedUser implements ProcessOwner {

    static final String NAME = "jekafo-es";
    static final String FALLBACK_ROOT = "/var/lib/jekafo-elasticsearch";

    private static final Logger log = LoggerFactory.getLogger(DedicatedUser.class);

    private DedicatedUser() {
    }

    /** Creates the system user {@value #NAME} unless it exists. */
    static DedicatedUser createIfMissing() {
        if (!exists()) {
            try {
                Commands.run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME);
                log.info("Created the system user {} to run Elasticsearch, which refuses to run as root", NAME);
            } catch (IllegalStateException e) {
                if (!exists()) { // another JVM may have created it meanwhile
                    throw e;
                }
            }
        }
        return new DedicatedUser();
    }

    private static boolean exists() {
        return Commands.succeeds("id", "-u", NAME);
    }

    @Override
    public Path usableDirectory(Path preferred, String fallbackName) throws IOException {
        Path candidate = preferred.toAbsolutePath().normalize();
        if (createReachable(candidate)) {
            return candidate;
        }
        Path fallback = Path.of(FALLBACK_ROOT).resolve(fallbackName);
        log.info("User {} cannot reach {}: using {} instead", NAME, candidate, fallback);
        if (createReachable(fallback)) {
            return fallback;
        }
        throw new IllegalStateException("User " + NAME + " can reach neither " + candidate + " nor " + fallback);
    }

    /** Creates {@code folder} unless its ancestors keep {@value #NAME} out; tells whether it is usable. */
    private static boolean createReachable(Path folder) throws IOException {
        if (!ancestorsTraversable(folder)) {
            return false;
        }
        Files.createDirectories(folder);
        return ancestorsTraversable(folder); // the ancestors just created follow the umask
    }

    /** Whether {@value #NAME} may traverse every existing ancestor of {@code folder}. */
    static boolean ancestorsTraversable(Path folder) throws IOException {
        for (Path ancestor = folder.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            if (Files.exists(ancestor) && !traversable(ancestor)) {
                return false;
            }
        }
        return true;
    }

    /** Applies the Unix rule: the owner bits for the owner, the group bits for the group, else the others bits. */
    private static boolean traversable(Path folder) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class);
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (NAME.equals(attributes.owner().getName())) {
            return permissions.contains(PosixFilePermission.OWNER_EXECUTE);
        }
        if (NAME.equals(attributes.group().getName())) {
            return permissions.contains(PosixFilePermission.GROUP_EXECUTE);
        }
        return permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
    }

    @Override
    public void takeOwnership(Path... folders) {
        List<String> command = new ArrayList<>(List.of("chown", "-R", NAME + ":"));
        for (Path folder : folders) {
            command.add(folder.toString());
        }
        Commands.run(command.toArray(String[]::new));
    }

    @Override
    public List<String> commandPrefix() {
        return List.of("runuser", "-u", NAME, "--");
    }

    @Override
    public String name() {
        return NAME;
    }
}
