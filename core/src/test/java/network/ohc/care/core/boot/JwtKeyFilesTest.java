package network.ohc.care.core.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeyFilesTest {
    @Test
    void createsAKeyPairOnceAndKeepsIt(@TempDir Path dir) throws Exception {
        JwtKeyFiles.Keys keys = JwtKeyFiles.ensure(dir.resolve("keys"));
        String priv = Files.readString(keys.privateKey());
        String pub = Files.readString(keys.publicKey());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.privateKey())));
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der(priv)));
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der(pub)));
        assertEquals(2048, publicKey.getModulus().bitLength());
        assertEquals(publicKey.getModulus(), privateKey.getModulus());

        JwtKeyFiles.ensure(dir.resolve("keys"));
        assertEquals(priv, Files.readString(keys.privateKey()), "an existing key pair is reused, so tokens survive restarts");
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
