package dev.dbtok.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Token values and IDs as workspaces make them: a value is {@code dapi} followed by 32 hex digits, and a token's ID is
 * the SHA-256 of its value in hex. The emulator stores only IDs, so it finds a token from a bearer value by hashing it.
 */
final class TokenSecrets {
    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random;

    TokenSecrets(SecureRandom random) {
        this.random = random;
    }

    /** A fresh {@code dapi} + 32 hex value. */
    String newValue() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "dapi" + HEX.formatHex(bytes);
    }

    /** The 64-hex-digit token ID of {@code value}. */
    static String idOf(String value) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
