package org.jekafo.elasticsearch.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.jekafo.process.local.Commands;

/**
 * The key and self-signed certificate of the node's transport layer (PEM files in its configuration folder),
 * made once with the JDK's {@code keytool}. With security on, the transport port must speak mutual TLS: a
 * plain one would let any local process that speaks the node-to-node protocol claim to be a node and act as
 * any user. The node trusts this certificate only, so nothing but itself can connect.
 */
final class TransportCertificate {

    static final String KEY = "transport.key";
    static final String CERTIFICATE = "transport.crt";

    private static final String ALIAS = "transport";

    private TransportCertificate() {
    }

    /** Creates the key and certificate in {@code configFolder} unless both are there. */
    static void ensure(Path configFolder) throws IOException {
        Path key = configFolder.resolve(KEY);
        Path certificate = configFolder.resolve(CERTIFICATE);
        if (Files.exists(key) && Files.exists(certificate)) {
            return;
        }
        Path keyStore = configFolder.resolve(".transport-" + System.nanoTime() + ".p12");
        byte[] passwordBytes = new byte[18];
        new SecureRandom().nextBytes(passwordBytes);
        String password = HexFormat.of().formatHex(passwordBytes);
        try {
            Commands.run(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-alias", ALIAS,
                    "-dname", "CN=jekafo-local-elasticsearch", "-validity", "36500",
                    "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", password);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, password.toCharArray());
            }
            Key privateKey = store.getKey(ALIAS, password.toCharArray());
            FileRealm.writeOwnerOnly(key, pem("PRIVATE KEY", privateKey.getEncoded()));
            FileRealm.writeOwnerOnly(certificate, pem("CERTIFICATE", store.getCertificate(ALIAS).getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IOException("Could not read the transport key made by keytool", e);
        } finally {
            Files.deleteIfExists(keyStore);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
