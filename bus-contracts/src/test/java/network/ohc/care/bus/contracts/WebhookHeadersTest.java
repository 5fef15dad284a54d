package network.ohc.care.bus.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import network.ohc.care.bus.contracts.webhooks.WebhookHeaders;
import org.junit.jupiter.api.Test;

/** The webhook signature, against a value computed independently (Python's hmac module). */
class WebhookHeadersTest {
    static final String SECRET = "ward-secret-0123456789";
    static final String BODY = "{\"a\":1}";
    static final Instant SENT = Instant.ofEpochSecond(1767322800);

    @Test
    void theSignatureIsHmacSha256OfTimestampDotBody() {
        // python3 -c "import hmac,hashlib; print(hmac.new(b'ward-secret-0123456789', b'1767322800.{\"a\":1}', hashlib.sha256).hexdigest())"
        assertEquals("sha256=7301276612f767d3a3b83f227bb0dc3b769cca965dc91d086788b7e8e2cbc497",
                WebhookHeaders.signature(SECRET, "1767322800", BODY));
    }

    @Test
    void verifyAcceptsAGenuineFreshRequestOnly() {
        String signature = WebhookHeaders.signature(SECRET, "1767322800", BODY);
        Duration tolerance = Duration.ofMinutes(5);
        assertTrue(WebhookHeaders.verify(SECRET, "1767322800", BODY, signature, SENT.plusSeconds(299), tolerance));
        assertFalse(WebhookHeaders.verify(SECRET, "1767322800", BODY, signature, SENT.plusSeconds(301), tolerance), "too old");
        assertFalse(WebhookHeaders.verify(SECRET, "1767322800", "{\"a\":2}", signature, SENT, tolerance), "body changed");
        assertFalse(WebhookHeaders.verify(SECRET, "1767322801", BODY, signature, SENT, tolerance), "timestamp changed");
        assertFalse(WebhookHeaders.verify("another-secret-000000", "1767322800", BODY, signature, SENT, tolerance), "other key");
        assertFalse(WebhookHeaders.verify(SECRET, "soon", BODY, signature, SENT, tolerance));
        assertFalse(WebhookHeaders.verify(SECRET, null, BODY, signature, SENT, tolerance));
    }
}
