package org.jekafo.app.platform.identity;

import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./jekafo token --role ROLE --subject NAME [--unit CODE] [--member ID] [--hours N]}: prints a token
 * signed with this machine's local key, for GraphiQL, scripts and tests. Plain Java, no server needed.
 */
public final class TokenCommand {

    private static final String USAGE = """
            usage: ./jekafo token --role ROLE --subject NAME [--unit CODE] [--member ID] [--hours N] [--data-dir DIR]
              ROLE: MEMBER (with --member), FIELD_AGENT or CHAPTER_OFFICER (with --unit, the org unit's code),
                    EXECUTIVE_BUREAU, AUDITOR, ADMIN""";

    private TokenCommand() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(mint(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    static String mint(String[] args) {
        Map<String, String> options = options(args);
        String roleName = required(options, "role");
        Role role = Role.grantable(roleName).orElseThrow(() -> new IllegalArgumentException("unknown role " + roleName));
        ActingPrincipal principal = new ActingPrincipal(required(options, "subject"), role, options.get("unit"),
                options.get("member"));
        Path dataDir = Path.of(options.getOrDefault("data-dir",
                System.getenv().getOrDefault("JEKAFO_DATA_DIR", "data")));
        int hours = Integer.parseInt(options.getOrDefault("hours", "8"));
        if (hours < 1 || hours > 24 * 30) {
            throw new IllegalArgumentException("--hours must be between 1 and 720");
        }
        return new TokenMinter(SigningKey.of(dataDir)).mint(principal, Duration.ofHours(hours));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
