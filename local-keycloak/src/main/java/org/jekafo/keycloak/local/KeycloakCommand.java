package org.jekafo.keycloak.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jekafo.process.local.FreePort;

/**
 * The command line of a Keycloak server on 127.0.0.1 only: {@code kc.sh start --optimized} on the installation
 * built by {@link KeycloakDistribution}, plain HTTP (loopback only), no clustering ({@code --cache=local}: the
 * default would open JGroups ports on every interface), health checks on its own management port, and the realm
 * of {@code data/import} imported at start. What {@code start-dev} would set too ({@code --hostname-strict=false}:
 * the issuer is the address the client called), without its build at every start.
 *
 * @param home           the server's home (see {@link InstanceHome})
 * @param javaHome       the JDK to run on (see {@link KeycloakJava})
 * @param httpPort       the port of the realms, tokens and admin API
 * @param managementPort the port of {@code /health/ready}
 * @param admin          the bootstrap administrator of the {@code master} realm
 */
record KeycloakCommand(Path home, Path javaHome, int httpPort, int managementPort, LocalKeycloak.Credentials admin) {

    static Path script(Path home) {
        return home.resolve("bin").resolve("kc.sh");
    }

    List<String> arguments() {
        return List.of(script(home).toString(), "start", "--optimized", "--import-realm",
                "--http-enabled=true", "--http-host=" + FreePort.LOOPBACK, "--http-port=" + httpPort,
                "--http-management-host=" + FreePort.LOOPBACK, "--http-management-port=" + managementPort,
                "--hostname-strict=false", "--cache=local");
    }

    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JAVA_HOME", javaHome.toString());
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", admin.username());
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", admin.password());
        return environment;
    }
}
