package network.ohc.care.core.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The RSA key pair that signs access tokens, created once in the data folder and reused after. */
public final class JwtKeyFiles {
    public static final String PRIVATE = "jwt-private.pem";
    public static final String PUBLIC = "jwt-public.pem";

    public record Keys(Path privateKey, Path publicKey) {
    }

    private JwtKeyFiles() {
    }

    public static Keys ensure(Path keysDir) throws IOException {
        Path priv = keysDir.resolve(PRIVATE);
        Path pub = keysDir.resolve(PUBLIC);
        if (Files.exists(priv) && Files.exists(pub)) {
            return new Keys(priv, pub);
        }
        Files.createDirectories(keysDir);
        KeyPair pair;
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            pair = gen.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path tmpPriv = keysDir.resolve(PRIVATE + ".tmp");
        Files.writeString(tmpPriv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(tmpPriv, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        Files.move(tmpPriv, priv, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new Keys(priv, pub);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
