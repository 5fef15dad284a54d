package network.ohc.care.bus.contracts.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the webhooks plug sends with each POST besides the body (the signal's JSON, or what the endpoint's format made
 * of it), and how a receiver checks it: {@value #SIGNATURE} is {@code sha256=} and the hex HMAC-SHA256, keyed with the
 * endpoint's secret, of {@value #TIMESTAMP}, a dot, and the body bytes as received. Endpoints with CloudEvents on get
 * the {@code ce-*} headers of {@link network.ohc.care.bus.contracts.cloudevents.HttpBinding} as well.
 */
public final class WebhookHeaders {
    /** The delivery's id at the sender: the same on every retry of one delivery. */
    public static final String DELIVERY = "X-Care-Delivery";
    public static final String SIGNAL_ID = "X-Care-Signal-Id";
    public static final String SIGNAL_TYPE = "X-Care-Signal-Type";
    /** Unix seconds when this attempt was signed; reject old ones to stop replays. */
    public static final String TIMESTAMP = "X-Care-Timestamp";
    public static final String SIGNATURE = "X-Care-Signature";
    public static final String USER_AGENT = "Care-Webhooks/1";

    private WebhookHeaders() {
    }

    /** The {@value #SIGNATURE} value for {@code body} sent at {@code timestamp} (Unix seconds). */
    public static String signature(String secret, String timestamp, String body) {
        return "sha256=" + hmacSha256Hex(secret, timestamp + "." + body);
    }

    /** The hex HMAC-SHA256 of {@code message} (UTF-8) keyed with {@code secret} (UTF-8). */
    public static String hmacSha256Hex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether a received request is genuine and fresh: the signature matches (compared in constant time) and the
     * timestamp is within {@code tolerance} of {@code now}.
     */
    public static boolean verify(String secret, String timestamp, String body, String signature, Instant now, Duration tolerance) {
        if (timestamp == null || signature == null) {
            return false;
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - sent) > tolerance.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(signature(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
